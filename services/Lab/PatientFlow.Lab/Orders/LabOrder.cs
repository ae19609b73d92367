namespace PatientFlow.Lab.Orders;

// One stream per order; the order id is the stream id. Tests within an order are named by their LOINC code.

/// <summary>A test on an order, as the catalog defined it when ordered, with the reference range chosen for this patient.</summary>
public sealed record OrderedTest(LabTest Test, ReferenceRange? Range);

/// <summary>
/// Tests were ordered for a visit. Each carries the test as the catalog defined it at that moment, so a later
/// catalog change never reinterprets or rebills an open order.
/// </summary>
public sealed record LabOrderPlaced(
    Guid OrderId, Guid VisitId, Guid PatientId, LabPriority Priority, IReadOnlyList<OrderedTest> Tests, string OrderedBy, DateTimeOffset OrderedAt);

/// <summary>The tests not yet resulted were cancelled; the reason stays in the service.</summary>
public sealed record LabOrderCancelled(Guid OrderId, Guid VisitId, Guid PatientId, IReadOnlyList<string> TestCodes, string Reason, string CancelledBy, DateTimeOffset CancelledAt);

/// <summary>A specimen was drawn for the tests that need its type; <see cref="AccessionId"/> is what its label carries.</summary>
public sealed record SpecimenCollected(
    Guid OrderId, Guid VisitId, Guid PatientId, Guid SpecimenId, string AccessionId, string SpecimenType, IReadOnlyList<string> TestCodes,
    string CollectedBy, DateTimeOffset CollectedAt);

public sealed record SpecimenRejected(
    Guid OrderId, Guid VisitId, Guid PatientId, Guid SpecimenId, string AccessionId, SpecimenRejection Reason, IReadOnlyList<string> TestCodes,
    string RejectedBy, DateTimeOffset RejectedAt);

/// <summary>Decided with every rejection: the tests wait for a new specimen.</summary>
public sealed record RecollectionRequested(
    Guid OrderId, Guid VisitId, Guid PatientId, Guid RejectedSpecimenId, string SpecimenType, IReadOnlyList<string> TestCodes, DateTimeOffset RequestedAt);

public sealed record SpecimenSentOut(
    Guid OrderId, Guid VisitId, Guid PatientId, Guid SpecimenId, string AccessionId, string ExternalLab, IReadOnlyList<string> TestCodes,
    DateTimeOffset SentAt, DateTimeOffset ExpectedBy);

public sealed record SendOutOverdue(
    Guid OrderId, Guid VisitId, Guid PatientId, Guid SpecimenId, string AccessionId, string ExternalLab, IReadOnlyList<string> TestCodes,
    DateTimeOffset ExpectedBy, DateTimeOffset DetectedAt);

public sealed record LabResultRecorded(
    Guid OrderId,
    Guid VisitId,
    Guid PatientId,
    string TestCode,
    string Value,
    string Unit,
    string? ReferenceRange,
    string Flag,
    string BillingCode,
    string AccessionId,
    string ResultedBy,
    DateTimeOffset ResultedAt);

/// <summary>A critical value must be acknowledged by a clinician by <see cref="AcknowledgeBy"/>.</summary>
public sealed record CriticalResultFlagged(Guid OrderId, Guid VisitId, Guid PatientId, string TestCode, string Flag, DateTimeOffset FlaggedAt, DateTimeOffset AcknowledgeBy);

public sealed record LabResultAcknowledged(Guid OrderId, Guid VisitId, Guid PatientId, string TestCode, bool Critical, string AcknowledgedBy, DateTimeOffset AcknowledgedAt);

public sealed record CriticalResultEscalated(Guid OrderId, Guid VisitId, Guid PatientId, string TestCode, DateTimeOffset AcknowledgeBy, DateTimeOffset EscalatedAt);

/// <summary>A corrected result. The original stays in the stream and in <see cref="OriginalValue"/>; the acknowledgement starts again.</summary>
public sealed record LabResultAmended(
    Guid OrderId,
    Guid VisitId,
    Guid PatientId,
    string TestCode,
    string Value,
    string Unit,
    string Flag,
    string OriginalValue,
    string OriginalFlag,
    string Reason,
    string AmendedBy,
    DateTimeOffset AmendedAt);

public enum LabPriority
{
    Routine,
    Urgent,
    Stat,
}

public enum SpecimenRejection
{
    Haemolysed,
    Unlabelled,
    Mislabelled,
    Clotted,
    InsufficientQuantity,
    Contaminated,
    Leaked,
    TooOld,
}

public enum LabTestStatus
{
    AwaitingCollection,
    Collected,
    SentOut,
    Resulted,
    Cancelled,
}

public enum LabOrderStatus
{
    Ordered,
    InProgress,
    Resulted,
    Cancelled,
}

public sealed record LabResult(string Value, string Flag, DateTimeOffset ResultedAt);

public sealed record CriticalAlert(DateTimeOffset AcknowledgeBy, bool Escalated);

/// <summary>One test's place on its way: its specimen, its result, and a critical value waiting for acknowledgement.</summary>
public sealed record TestLine(
    OrderedTest Ordered,
    LabTestStatus Status,
    Guid? SpecimenId = null,
    string? AccessionId = null,
    LabResult? Result = null,
    CriticalAlert? Critical = null,
    bool Acknowledged = false)
{
    public LabTest Test => Ordered.Test;

    public string Code => Ordered.Test.Code;
}

public sealed record Specimen(
    Guid Id, string AccessionId, string Type, IReadOnlyList<string> TestCodes, bool Rejected, string? ExternalLab, DateTimeOffset? ExpectedBy, bool Overdue);

/// <summary>What the deciders need to know about an order, rebuilt from its events.</summary>
public sealed record LabOrder(
    Guid Id, Guid VisitId, Guid PatientId, LabPriority Priority, DateTimeOffset OrderedAt, IReadOnlyList<TestLine> Tests, IReadOnlyList<Specimen> Specimens) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"lab order {streamId} not found");


    public static LabOrder Create(LabOrderPlaced placed) => new(
        placed.OrderId, placed.VisitId, placed.PatientId, placed.Priority, placed.OrderedAt,
        [.. placed.Tests.Select(test => new TestLine(test, LabTestStatus.AwaitingCollection))], []);

    public LabOrder Apply(LabOrderCancelled cancelled) =>
        WithTests(cancelled.TestCodes, line => line with { Status = LabTestStatus.Cancelled });

    public LabOrder Apply(SpecimenCollected collected) =>
        WithTests(collected.TestCodes, line => line with { Status = LabTestStatus.Collected, SpecimenId = collected.SpecimenId, AccessionId = collected.AccessionId })
        with { Specimens = [.. Specimens, new Specimen(collected.SpecimenId, collected.AccessionId, collected.SpecimenType, collected.TestCodes, false, null, null, false)] };

    public LabOrder Apply(SpecimenRejected rejected) =>
        WithTests(rejected.TestCodes, line => line with { Status = LabTestStatus.AwaitingCollection, SpecimenId = null, AccessionId = null })
        with { Specimens = WithSpecimen(rejected.SpecimenId, specimen => specimen with { Rejected = true }) };

    public LabOrder Apply(RecollectionRequested _) => this;

    public LabOrder Apply(SpecimenSentOut sent) =>
        WithTests(sent.TestCodes, line => line with { Status = LabTestStatus.SentOut })
        with { Specimens = WithSpecimen(sent.SpecimenId, specimen => specimen with { ExternalLab = sent.ExternalLab, ExpectedBy = sent.ExpectedBy }) };

    public LabOrder Apply(SendOutOverdue overdue) =>
        this with { Specimens = WithSpecimen(overdue.SpecimenId, specimen => specimen with { Overdue = true }) };

    public LabOrder Apply(LabResultRecorded resulted) => WithTests([resulted.TestCode], line => line with
    {
        Status = LabTestStatus.Resulted,
        Result = new LabResult(resulted.Value, resulted.Flag, resulted.ResultedAt),
    });

    public LabOrder Apply(CriticalResultFlagged flagged) =>
        WithTests([flagged.TestCode], line => line with { Critical = new CriticalAlert(flagged.AcknowledgeBy, false), Acknowledged = false });

    public LabOrder Apply(LabResultAcknowledged acknowledged) =>
        WithTests([acknowledged.TestCode], line => line with { Acknowledged = true });

    public LabOrder Apply(CriticalResultEscalated escalated) =>
        WithTests([escalated.TestCode], line => line with { Critical = line.Critical! with { Escalated = true } });

    public LabOrder Apply(LabResultAmended amended) => WithTests([amended.TestCode], line => line with
    {
        Result = line.Result! with { Value = amended.Value, Flag = amended.Flag },
        Critical = null,
        Acknowledged = false,
    });

    public TestLine TestOrThrow(string? code) =>
        Tests.FirstOrDefault(line => string.Equals(line.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new NotFoundException($"test {code} is not on lab order {Id}");

    public Specimen SpecimenOrThrow(Guid specimenId) =>
        Specimens.FirstOrDefault(specimen => specimen.Id == specimenId)
        ?? throw new NotFoundException($"specimen {specimenId} is not on lab order {Id}");

    private LabOrder WithTests(IReadOnlyCollection<string> codes, Func<TestLine, TestLine> change) =>
        this with { Tests = [.. Tests.Select(line => codes.Contains(line.Code) ? change(line) : line)] };

    private IReadOnlyList<Specimen> WithSpecimen(Guid specimenId, Func<Specimen, Specimen> change) =>
        [.. Specimens.Select(specimen => specimen.Id == specimenId ? change(specimen) : specimen)];
}
