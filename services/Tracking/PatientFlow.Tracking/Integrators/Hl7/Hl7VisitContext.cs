using System.Collections.Immutable;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// What a message needs from a visit's earlier events: a check-out does not name the clinic, a lab result does not
/// name the provider. Start from <see cref="Empty"/> and <see cref="Apply"/> the visit's events in order; pass the
/// context from before an event to <see cref="Hl7Translator.For"/>.
/// </summary>
/// <param name="Clinic">Where the visit takes place, from booking, rescheduling or check-in.</param>
/// <param name="ProviderId">The provider: as booked, then whoever opened, started or completed the encounter.</param>
/// <param name="Room">The slot's room, then the exam room the patient was taken to.</param>
/// <param name="VisitType">The appointment type's code, for example <c>follow-up</c>.</param>
/// <param name="ScheduledStart">Start as last booked or rescheduled.</param>
/// <param name="ScheduledEnd">End as last booked or rescheduled.</param>
/// <param name="ArrivedAt">Check-in time, as last corrected.</param>
/// <param name="CheckedOutAt">Check-out time.</param>
/// <param name="WalkIn">Booked or checked in as a walk-in.</param>
/// <param name="LabTests">By order id, then by LOINC test code.</param>
public sealed record Hl7VisitContext(
    string? Clinic,
    Guid? ProviderId,
    string? Room,
    string? VisitType,
    DateTimeOffset? ScheduledStart,
    DateTimeOffset? ScheduledEnd,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? CheckedOutAt,
    bool WalkIn,
    ImmutableDictionary<Guid, ImmutableDictionary<string, Hl7LabTest>> LabTests)
{
    /// <summary>A visit nothing is known of yet.</summary>
    public static Hl7VisitContext Empty { get; } =
        new(null, null, null, null, null, null, null, null, false, ImmutableDictionary<Guid, ImmutableDictionary<string, Hl7LabTest>>.Empty);

    /// <summary>The context after <paramref name="e"/>; events that tell a message nothing leave it as it is.</summary>
    public Hl7VisitContext Apply(IVisitEvent e) => e switch
    {
        AppointmentBooked booked => this with
        {
            Clinic = booked.Clinic, ProviderId = booked.ProviderId, Room = booked.Room ?? Room, VisitType = booked.VisitType,
            ScheduledStart = booked.StartsAt, ScheduledEnd = booked.EndsAt, WalkIn = WalkIn || booked.BookedVia == "walk-in",
        },
        AppointmentRescheduled moved => this with
        {
            Clinic = moved.Clinic, ProviderId = moved.ProviderId, Room = moved.Room,
            ScheduledStart = moved.StartsAt, ScheduledEnd = moved.EndsAt,
        },
        // Cancellations and no-shows name the booked provider and start; they fill a context that missed the booking.
        AppointmentCancelled cancelled => this with { ProviderId = ProviderId ?? cancelled.ProviderId },
        NoShowRecorded noShow => this with { ProviderId = ProviderId ?? noShow.ProviderId, ScheduledStart = ScheduledStart ?? noShow.StartsAt },
        PatientCheckedIn checkedIn => this with
        {
            Clinic = checkedIn.Clinic, ProviderId = checkedIn.ProviderId, ArrivedAt = checkedIn.OccurredAt, WalkIn = WalkIn || checkedIn.WalkIn,
        },
        ArrivalTimeCorrected corrected => this with { ArrivedAt = corrected.OccurredAt },
        PatientRoomed roomed => this with { Room = roomed.Room },
        EncounterOpened opened => this with { ProviderId = opened.ProviderId },
        ProviderEncounterStarted started => this with { ProviderId = started.ProviderId },
        EncounterCompleted completed => this with { ProviderId = completed.ProviderId },
        PatientCheckedOut checkedOut => this with { CheckedOutAt = checkedOut.OccurredAt },
        LabOrderPlaced placed => placed.Tests.Aggregate(this, (context, test) =>
            context.WithTest(placed.OrderId, test.TestCode, known => known with { Name = test.TestName })),
        SpecimenCollected collected => collected.TestCodes.Aggregate(this, (context, code) =>
            context.WithTest(collected.OrderId, code, known => known with { AccessionId = collected.AccessionId, CollectedAt = collected.OccurredAt })),
        LabResultRecorded result => WithTest(result.OrderId, result.TestCode, known => known with
        {
            AccessionId = result.AccessionId ?? known.AccessionId,
            // The first result's time and range stay: a second delivery of the same result must not move them.
            ResultedAt = known.ResultedAt ?? result.OccurredAt,
            ReferenceRange = known.ReferenceRange ?? result.ReferenceRange,
        }),
        _ => this,
    };

    /// <summary>What is known of a test of an order; an empty record when nothing is.</summary>
    public Hl7LabTest LabTest(Guid orderId, string testCode) =>
        LabTests.TryGetValue(orderId, out var tests) && tests.TryGetValue(testCode, out var test) ? test : new Hl7LabTest();

    private Hl7VisitContext WithTest(Guid orderId, string testCode, Func<Hl7LabTest, Hl7LabTest> change)
    {
        var tests = LabTests.TryGetValue(orderId, out var known) ? known : ImmutableDictionary<string, Hl7LabTest>.Empty;
        return this with { LabTests = LabTests.SetItem(orderId, tests.SetItem(testCode, change(LabTest(orderId, testCode)))) };
    }
}
