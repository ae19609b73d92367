using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Accounts;

// One account stream per visit (stream id = visit id). Facts arrive from several services in any
// order, so whichever arrives first starts the stream.

public sealed record AppointmentRecorded(
    Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset StartsAt, string? VisitType = null);

public sealed record EncounterCharged(
    Guid VisitId, Guid PatientId, Guid ProviderId, IReadOnlyList<string> Diagnoses, IReadOnlyList<Charge> Charges, DateTimeOffset CompletedAt);

/// <summary>One resulted lab test charged; <see cref="TestCode"/> (LOINC) tells the tests of one order apart.</summary>
public sealed record LabResultCharged(Guid VisitId, Guid PatientId, Guid OrderId, Charge Charge, DateTimeOffset ResultedAt, string? TestCode = null);

/// <summary>Lab tests were ordered for the visit: until each is resulted or cancelled, a claim may wait for it.</summary>
public sealed record LabTestsOrdered(Guid VisitId, Guid PatientId, Guid OrderId, IReadOnlyList<string> TestCodes);

public sealed record LabTestsCancelled(Guid VisitId, Guid PatientId, Guid OrderId, IReadOnlyList<string> TestCodes);

public sealed record CheckOutRecorded(Guid VisitId, Guid PatientId, DateTimeOffset CheckedOutAt);

public sealed record CheckInRecorded(Guid VisitId, Guid PatientId, DateTimeOffset CheckedInAt);

public enum EligibilityStage
{
    Booking,
    CheckIn,
}

/// <summary>
/// What the payer answered for this visit's date of service, at booking or at check-in. Without coverage on file the
/// visit is self-pay: <see cref="CoverageId"/> is null and <see cref="Active"/> false.
/// </summary>
public sealed record EligibilityRecorded(
    Guid VisitId,
    Guid PatientId,
    EligibilityStage Stage,
    Guid? CoverageId,
    bool Active,
    decimal Copay,
    decimal DeductibleRemaining,
    string Reason,
    DateTimeOffset CheckedAt,
    string? Currency = null);

public enum PaymentMethod
{
    Cash,
    Card,
}

/// <summary>A copay taken at the desk; the receipt number is printed on the patient's receipt.</summary>
public sealed record CopayCollected(
    Guid VisitId,
    Guid PatientId,
    Guid PaymentId,
    string ReceiptNumber,
    decimal Amount,
    string Currency,
    PaymentMethod Method,
    string? CardReference,
    string CollectedBy,
    DateTimeOffset CollectedAt);

public sealed record CopayRefunded(
    Guid VisitId, Guid PatientId, Guid PaymentId, Guid RefundId, decimal Amount, string Reason, string RefundedBy, DateTimeOffset RefundedAt);

/// <summary>The visit's claim was drafted; the account records it so it happens once.</summary>
public sealed record ClaimDrafted(Guid VisitId, Guid ClaimId);

public sealed record ScheduledVisit(Guid ProviderId, string Clinic, DateTimeOffset StartsAt, string? VisitType);

public sealed record CompletedEncounter(Guid ProviderId, IReadOnlyList<string> Diagnoses, DateTimeOffset CompletedAt);

public sealed record CopayRefund(Guid RefundId, decimal Amount, string Reason, string RefundedBy, DateTimeOffset RefundedAt);

public sealed record CopayPayment(
    Guid PaymentId,
    string ReceiptNumber,
    decimal Amount,
    PaymentMethod Method,
    string? CardReference,
    string CollectedBy,
    DateTimeOffset CollectedAt,
    IReadOnlyList<CopayRefund> Refunds)
{
    public decimal Refunded => Refunds.Sum(r => r.Amount);

    public decimal Net => Amount - Refunded;
}

/// <summary>
/// A visit's billing account: what billing has learned of the visit, every charge recorded on it, the eligibility
/// answers for it and the copay taken at the desk. Rebuilt from the account stream, it is both the deciders' state and
/// what the API shows.
/// </summary>
public sealed record BillingAccount(
    Guid Id,
    Guid PatientId,
    ScheduledVisit? Appointment,
    CompletedEncounter? Encounter,
    DateTimeOffset? CheckedOutAt,
    IReadOnlyList<Charge> Charges,
    IReadOnlyList<Guid> ChargedLabOrders,
    Guid? ClaimId) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"billing knows no visit {streamId}");

    /// <summary>The patient's visit; 404 naming both when the visit is unknown or another patient's.</summary>
    public static Exception NotFound(Guid patientId, Guid visitId) => new NotFoundException($"patient {patientId} has no visit {visitId} in billing");

    /// <summary>
    /// The account folded from its events in one read, so the version belongs to exactly the state shown:
    /// a consumer committing meanwhile cannot make the tag and the body disagree.
    /// </summary>
    public static async Task<(BillingAccount Account, long Version)> LoadAsync(IQuerySession session, Guid visitId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(visitId, token: ct);
        return events.Count > 0 && Replay(null, events.Select(e => e.Data)) is { } account
            ? (account, events[^1].Version)
            : throw NotFound(visitId);
    }

    /// <summary>The account of the patient's visit (<see cref="LoadAsync(IQuerySession, Guid, CancellationToken)"/>).</summary>
    public static async Task<(BillingAccount Account, long Version)> LoadAsync(IQuerySession session, Guid patientId, Guid visitId, CancellationToken ct)
    {
        var (account, version) = await LoadAsync(session, visitId, ct);
        return account.PatientId == patientId ? (account, version) : throw NotFound(patientId, visitId);
    }


    /// <summary>Lab tests charged, as "order:LOINC": one charge per resulted test, however often the result is redelivered.</summary>
    public IReadOnlyList<string> ChargedLabTests { get; init; } = [];

    /// <summary>Lab tests ordered and neither resulted nor cancelled, as "order:LOINC".</summary>
    public IReadOnlyList<string> PendingLabTests { get; init; } = [];

    public DateTimeOffset? CheckedInAt { get; init; }

    public EligibilityRecorded? BookingEligibility { get; init; }

    public EligibilityRecorded? CheckInEligibility { get; init; }

    public IReadOnlyList<CopayPayment> Payments { get; init; } = [];

    public bool CheckedOut => CheckedOutAt is not null;

    public bool EncounterCompleted => Encounter is not null;

    /// <summary>The latest answer: check-in's once the patient arrived, booking's before.</summary>
    public EligibilityRecorded? Eligibility => CheckInEligibility ?? BookingEligibility;

    /// <summary>The copay owed at the desk: set by the check-in eligibility answer, zero for inactive coverage or self-pay.</summary>
    public decimal CopayDue => CheckInEligibility is { Active: true } answer ? answer.Copay : 0m;

    public decimal CopayPaid => Payments.Sum(p => p.Net);

    public decimal CopayOutstanding => Math.Max(0m, CopayDue - CopayPaid);

    /// <summary>The calendar date of <paramref name="at"/> in the clinic's zone, as the appointment's offset gives it.</summary>
    public DateOnly ServiceDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Appointment?.StartsAt.Offset ?? at.Offset).DateTime);

    public static string LabTestKey(Guid orderId, string? testCode) => $"{orderId:N}:{testCode?.Trim().ToUpperInvariant()}";

    public BillingAccount Apply(AppointmentRecorded e) => this with { Appointment = new(e.ProviderId, e.Clinic, e.StartsAt, e.VisitType) };

    public BillingAccount Apply(EncounterCharged e) => this with
    {
        Encounter = new(e.ProviderId, e.Diagnoses, e.CompletedAt),
        Charges = [.. Charges, .. e.Charges],
    };

    public BillingAccount Apply(LabResultCharged e) => this with
    {
        Charges = [.. Charges, e.Charge],
        ChargedLabOrders = [.. ChargedLabOrders, e.OrderId],
        ChargedLabTests = [.. ChargedLabTests, LabTestKey(e.OrderId, e.TestCode)],
        PendingLabTests = [.. PendingLabTests.Where(k => k != LabTestKey(e.OrderId, e.TestCode))],
    };

    public BillingAccount Apply(LabTestsOrdered e) => this with
    {
        PendingLabTests = [.. PendingLabTests, .. e.TestCodes.Select(c => LabTestKey(e.OrderId, c)).Where(k => !ChargedLabTests.Contains(k) && !PendingLabTests.Contains(k))],
    };

    public BillingAccount Apply(LabTestsCancelled e) => this with
    {
        PendingLabTests = [.. PendingLabTests.Except(e.TestCodes.Select(c => LabTestKey(e.OrderId, c)))],
    };

    public BillingAccount Apply(CheckOutRecorded e) => this with { CheckedOutAt = e.CheckedOutAt };

    public BillingAccount Apply(CheckInRecorded e) => this with { CheckedInAt = e.CheckedInAt };

    public BillingAccount Apply(EligibilityRecorded e) =>
        e.Stage == EligibilityStage.CheckIn ? this with { CheckInEligibility = e } : this with { BookingEligibility = e };

    public BillingAccount Apply(CopayCollected e) => this with
    {
        Payments = [.. Payments, new CopayPayment(e.PaymentId, e.ReceiptNumber, e.Amount, e.Method, e.CardReference, e.CollectedBy, e.CollectedAt, [])],
    };

    public BillingAccount Apply(CopayRefunded e) => this with
    {
        Payments = [.. Payments.Select(p => p.PaymentId == e.PaymentId
            ? p with { Refunds = [.. p.Refunds, new CopayRefund(e.RefundId, e.Amount, e.Reason, e.RefundedBy, e.RefundedAt)] }
            : p)],
    };

    public BillingAccount Apply(ClaimDrafted e) => this with { ClaimId = e.ClaimId };

    /// <summary>The state after <paramref name="events"/>, starting from no account at all when <paramref name="state"/> is null.</summary>
    public static BillingAccount? Replay(BillingAccount? state, IEnumerable<object> events) =>
        events.Aggregate(state, (current, @event) => Evolve(current ?? Start(@event), @event));

    private static BillingAccount Evolve(BillingAccount s, object @event) => @event switch
    {
        AppointmentRecorded e => s.Apply(e),
        EncounterCharged e => s.Apply(e),
        LabResultCharged e => s.Apply(e),
        LabTestsOrdered e => s.Apply(e),
        LabTestsCancelled e => s.Apply(e),
        CheckOutRecorded e => s.Apply(e),
        CheckInRecorded e => s.Apply(e),
        EligibilityRecorded e => s.Apply(e),
        CopayCollected e => s.Apply(e),
        CopayRefunded e => s.Apply(e),
        ClaimDrafted e => s.Apply(e),
        _ => throw new InvalidOperationException($"{@event.GetType().Name} is not a billing account event"),
    };

    // Marten's live aggregation: whichever fact arrives first starts the account.
    public static BillingAccount Create(AppointmentRecorded e) => Start(e).Apply(e);

    public static BillingAccount Create(EncounterCharged e) => Start(e).Apply(e);

    public static BillingAccount Create(LabResultCharged e) => Start(e).Apply(e);

    public static BillingAccount Create(LabTestsOrdered e) => Start(e).Apply(e);

    public static BillingAccount Create(LabTestsCancelled e) => Start(e).Apply(e);

    public static BillingAccount Create(CheckOutRecorded e) => Start(e).Apply(e);

    public static BillingAccount Create(CheckInRecorded e) => Start(e).Apply(e);

    public static BillingAccount Create(EligibilityRecorded e) => Start(e).Apply(e);

    private static BillingAccount Start(object first) => first switch
    {
        AppointmentRecorded e => Empty(e.VisitId, e.PatientId),
        EncounterCharged e => Empty(e.VisitId, e.PatientId),
        LabResultCharged e => Empty(e.VisitId, e.PatientId),
        LabTestsOrdered e => Empty(e.VisitId, e.PatientId),
        LabTestsCancelled e => Empty(e.VisitId, e.PatientId),
        CheckOutRecorded e => Empty(e.VisitId, e.PatientId),
        CheckInRecorded e => Empty(e.VisitId, e.PatientId),
        EligibilityRecorded e => Empty(e.VisitId, e.PatientId),
        _ => throw new InvalidOperationException($"{first.GetType().Name} cannot start a billing account"),
    };

    private static BillingAccount Empty(Guid visitId, Guid patientId) => new(visitId, patientId, null, null, null, [], [], null);
}
