using System.Text.Json;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Referral.V1;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Tracking.Journeys;

/// <summary>How an integration event becomes a journey step. A new contract that moves a stage gets one line in <see cref="Stages"/>.</summary>
public static class ContractSteps
{
    // Contracts missing here (encounter opened, lab result, referral, reminders...) still land in the journey, without a stage.
    private static readonly IReadOnlyDictionary<Type, VisitStage> Stages = new Dictionary<Type, VisitStage>
    {
        [typeof(AppointmentBooked)] = VisitStage.Booked,
        [typeof(PatientCheckedIn)] = VisitStage.Arrived,
        [typeof(PatientRoomed)] = VisitStage.Roomed,
        [typeof(VitalsRecorded)] = VisitStage.IntakeDone,
        [typeof(ProviderEncounterStarted)] = VisitStage.WithProvider,
        [typeof(EncounterCompleted)] = VisitStage.ProviderDone,
        [typeof(LabOrderPlaced)] = VisitStage.LabPending,
        [typeof(PatientCheckedOut)] = VisitStage.CheckedOut,
        [typeof(ClaimCreated)] = VisitStage.ClaimCreated,
    };

    public static VisitStage? StageOf(Type contract) => Stages.TryGetValue(contract, out var stage) ? stage : null;

    public static JourneyStepRecorded ToStep(IVisitEvent message)
    {
        var (clinic, providerId, room) = WhereAndWho(message);
        var (visitType, scheduledAt, reference) = WhatAndWhen(message);
        return new JourneyStepRecorded(
            message.VisitId, message.PatientId, message.EventId, NameOf(message.GetType()), StageOf(message.GetType()),
            message.OccurredAt, message.RecordedAt, clinic, providerId, room, (message as VitalsCorrected)?.CorrectedEventId,
            visitType, scheduledAt, reference, JsonSerializer.SerializeToElement(message, message.GetType(), ContractJson.Options));
    }

    /// <summary>
    /// The name integrators see: <c>PatientFlow.Contracts.Scheduling.V1.AppointmentBooked</c> is
    /// <c>scheduling.appointment-booked.v1</c>.
    /// </summary>
    public static string NameOf(Type contract)
    {
        var name = JsonNamingPolicy.KebabCaseLower.ConvertName(contract.Name);
        return contract.Namespace?.Split('.') is [.., "Contracts", var producer, var version]
            ? $"{producer.ToLowerInvariant()}.{name}.{version.ToLowerInvariant()}"
            : name;
    }

    private static (string? Clinic, Guid? ProviderId, string? Room) WhereAndWho(IVisitEvent message) => message switch
    {
        AppointmentBooked booked => (booked.Clinic, booked.ProviderId, null),
        PatientCheckedIn checkedIn => (checkedIn.Clinic, checkedIn.ProviderId, null),
        AppointmentRescheduled rescheduled => (rescheduled.Clinic, rescheduled.ProviderId, null),
        EncounterOpened opened => (null, opened.ProviderId, null),
        ProviderEncounterStarted started => (null, started.ProviderId, null),
        PatientRoomed roomed => (null, null, roomed.Room),
        EncounterCompleted completed => (null, completed.ProviderId, null),
        _ => (null, null, null),
    };

    /// <summary>What flow analytics needs beyond the stage: the visit type and scheduled start, and which order or referral.</summary>
    private static (string? VisitType, DateTimeOffset? ScheduledAt, Guid? Reference) WhatAndWhen(IVisitEvent message) => message switch
    {
        AppointmentBooked booked => (booked.VisitType, booked.StartsAt, null),
        AppointmentRescheduled rescheduled => (null, rescheduled.StartsAt, null),
        NoShowRecorded noShow => (null, noShow.StartsAt, null),
        LateArrivalFlagged late => (null, late.StartsAt, null),
        LabOrderPlaced placed => (null, null, placed.OrderId),
        LabOrderCancelled cancelled => (null, null, cancelled.OrderId),
        LabResultRecorded result => (null, null, result.OrderId),
        ReferralCreated created => (null, null, created.ReferralId),
        ReferralLoopClosed closed => (null, null, closed.ReferralId),
        ReferralCancelled cancelled => (null, null, cancelled.ReferralId),
        ReferralReopened reopened => (null, null, reopened.ReferralId),
        _ => (null, null, null),
    };
}
