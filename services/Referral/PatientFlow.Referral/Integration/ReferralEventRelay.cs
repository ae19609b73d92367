using JasperFx.Events;
using PatientFlow.Contracts;
using PatientFlow.Referral.Referrals;
using PatientFlow.Platform.Messaging;
using V1 = PatientFlow.Contracts.Referral.V1;

namespace PatientFlow.Referral.Integration;

/// <summary>
/// Every change to a referral is published in the API's lower-case words. Clinical and staff-written text (the reason,
/// the report's summary, denial and appeal wording, cancellation reasons) stays in the service.
/// </summary>
public sealed class ReferralEventRelay : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent committed) => committed.Data switch
    {
        ReferralCreated e => new V1.ReferralCreated(
            committed.Id, e.VisitId, e.PatientId, e.CreatedAt, committed.Timestamp, e.ReferralId, Word(e.Kind), e.Specialty, Word(e.Urgency),
            e.ScheduleBy, e.AdmittingFacility),
        AdmissionRequested e => new V1.AdmissionRequested(
            committed.Id, e.VisitId, e.PatientId, e.RequestedAt, committed.Timestamp, e.ReferralId, e.AdmittingFacility, Word(e.Urgency)),
        AuthorizationRequested e => new V1.AuthorizationRequested(committed.Id, e.VisitId, e.PatientId, e.RequestedAt, committed.Timestamp, e.ReferralId, e.Payer),
        AuthorizationApproved e => new V1.AuthorizationApproved(
            committed.Id, e.VisitId, e.PatientId, e.ApprovedAt, committed.Timestamp, e.ReferralId, e.AuthorizationNumber, e.ValidFrom, e.ValidTo, e.VisitsAllowed),
        AuthorizationDenied e => new V1.AuthorizationDenied(committed.Id, e.VisitId, e.PatientId, e.DeniedAt, committed.Timestamp, e.ReferralId),
        AuthorizationAppealed e => new V1.AuthorizationAppealed(committed.Id, e.VisitId, e.PatientId, e.AppealedAt, committed.Timestamp, e.ReferralId),
        ReferralScheduled e => new V1.ReferralScheduled(
            committed.Id, e.VisitId, e.PatientId, e.ScheduledAt, committed.Timestamp, e.ReferralId, e.InNetwork, e.AppointmentId, e.Facility, e.AppointmentAt),
        ReferralReportReceived e => new V1.ReferralLoopClosed(
            committed.Id, e.VisitId, e.PatientId, e.ReceivedAt, committed.Timestamp, e.ReferralId, Word(e.ReportKind)),
        ReferralSchedulingOverdue e => new V1.ReferralOverdue(
            committed.Id, e.VisitId, e.PatientId, e.DetectedAt, committed.Timestamp, e.ReferralId, "scheduling", e.ScheduleBy),
        ReferralReportOverdue e => new V1.ReferralOverdue(
            committed.Id, e.VisitId, e.PatientId, e.DetectedAt, committed.Timestamp, e.ReferralId, "report", e.ReportDueBy),
        ReferralReopened e => new V1.ReferralReopened(
            committed.Id, e.VisitId, e.PatientId, e.ReopenedAt, committed.Timestamp, e.ReferralId, Word(e.Reason), e.AppointmentId, e.ScheduleBy),
        ReferralCancelled e => new V1.ReferralCancelled(committed.Id, e.VisitId, e.PatientId, e.CancelledAt, committed.Timestamp, e.ReferralId),
        _ => null,
    };

    private static string Word<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
