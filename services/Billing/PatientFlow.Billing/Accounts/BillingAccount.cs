using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Accounts;

// One account stream per visit (stream id = visit id). Facts arrive from several services in any
// order, so whichever arrives first starts the stream.

public sealed record AppointmentRecorded(
    Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset StartsAt);

public sealed record EncounterCharged(
    Guid VisitId, Guid PatientId, Guid ProviderId, IReadOnlyList<string> Diagnoses, IReadOnlyList<Charge> Charges, DateTimeOffset CompletedAt);

public sealed record LabResultCharged(Guid VisitId, Guid PatientId, Guid OrderId, Charge Charge, DateTimeOffset ResultedAt);

public sealed record CheckOutRecorded(Guid VisitId, Guid PatientId, DateTimeOffset CheckedOutAt);

/// <summary>The visit's claim was drafted; the account records it so it happens once.</summary>
public sealed record ClaimDrafted(Guid VisitId, Guid ClaimId);

public sealed record ScheduledVisit(Guid ProviderId, string Clinic, DateTimeOffset StartsAt);

public sealed record CompletedEncounter(Guid ProviderId, IReadOnlyList<string> Diagnoses, DateTimeOffset CompletedAt);

/// <summary>
/// A visit's billing account: what billing has learned of the visit and every charge recorded on it.
/// Rebuilt from the account stream, it is both the deciders' state and what the API shows.
/// </summary>
public sealed record BillingAccount(
    Guid Id,
    Guid PatientId,
    ScheduledVisit? Appointment,
    CompletedEncounter? Encounter,
    DateTimeOffset? CheckedOutAt,
    IReadOnlyList<Charge> Charges,
    IReadOnlyList<Guid> ChargedLabOrders,
    Guid? ClaimId)
{
    public bool CheckedOut => CheckedOutAt is not null;

    public bool EncounterCompleted => Encounter is not null;

    public static BillingAccount Create(AppointmentRecorded e) => Empty(e.VisitId, e.PatientId).Apply(e);

    public static BillingAccount Create(EncounterCharged e) => Empty(e.VisitId, e.PatientId).Apply(e);

    public static BillingAccount Create(LabResultCharged e) => Empty(e.VisitId, e.PatientId).Apply(e);

    public static BillingAccount Create(CheckOutRecorded e) => Empty(e.VisitId, e.PatientId).Apply(e);

    public BillingAccount Apply(AppointmentRecorded e) => this with { Appointment = new(e.ProviderId, e.Clinic, e.StartsAt) };

    public BillingAccount Apply(EncounterCharged e) => this with
    {
        Encounter = new(e.ProviderId, e.Diagnoses, e.CompletedAt),
        Charges = [.. Charges, .. e.Charges],
    };

    public BillingAccount Apply(LabResultCharged e) => this with
    {
        Charges = [.. Charges, e.Charge],
        ChargedLabOrders = [.. ChargedLabOrders, e.OrderId],
    };

    public BillingAccount Apply(CheckOutRecorded e) => this with { CheckedOutAt = e.CheckedOutAt };

    public BillingAccount Apply(ClaimDrafted e) => this with { ClaimId = e.ClaimId };

    /// <summary>The state after <paramref name="events"/>, starting from no account at all when <paramref name="state"/> is null.</summary>
    public static BillingAccount? Replay(BillingAccount? state, IEnumerable<object> events) =>
        events.Aggregate(state, (current, @event) => (current, @event) switch
        {
            (null, AppointmentRecorded e) => Create(e),
            (null, EncounterCharged e) => Create(e),
            (null, LabResultCharged e) => Create(e),
            (null, CheckOutRecorded e) => Create(e),
            ({ } s, AppointmentRecorded e) => s.Apply(e),
            ({ } s, EncounterCharged e) => s.Apply(e),
            ({ } s, LabResultCharged e) => s.Apply(e),
            ({ } s, CheckOutRecorded e) => s.Apply(e),
            ({ } s, ClaimDrafted e) => s.Apply(e),
            _ => throw new InvalidOperationException($"{@event.GetType().Name} cannot start a billing account"),
        });

    private static BillingAccount Empty(Guid visitId, Guid patientId) => new(visitId, patientId, null, null, null, [], [], null);
}
