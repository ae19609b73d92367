using PatientFlow.Lab.Catalog;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Lab.Orders;

// One stream per order; the order id is the stream id.

/// <summary>
/// A test was ordered. It carries the test as the catalog defined it at that moment, so a later
/// catalog change never reinterprets or rebills an open order.
/// </summary>
public sealed record LabTestOrdered(
    Guid OrderId, Guid VisitId, Guid PatientId, LabTest Test, LabPriority Priority, DateTimeOffset OrderedAt);

public sealed record LabResultRecorded(
    Guid OrderId,
    Guid VisitId,
    Guid PatientId,
    string TestCode,
    string Value,
    string Unit,
    string Flag,
    string BillingCode,
    DateTimeOffset ResultedAt);

public enum LabPriority
{
    Routine,
    Urgent,
    Stat,
}

public enum LabOrderStatus
{
    Ordered,
    Resulted,
}

/// <summary>What the deciders need to know about an order; nothing more.</summary>
public sealed record LabOrder(Guid Id, Guid VisitId, Guid PatientId, LabTest Test, LabOrderStatus Status, DateTimeOffset OrderedAt)
{
    public static LabOrder Create(LabTestOrdered ordered) =>
        new(ordered.OrderId, ordered.VisitId, ordered.PatientId, ordered.Test, LabOrderStatus.Ordered, ordered.OrderedAt);

    public LabOrder Apply(LabResultRecorded _) => this with { Status = LabOrderStatus.Resulted };

    /// <summary>A result is final: a correction would be its own command, not a second result.</summary>
    public LabOrder EnsureAwaitingResult() => Status == LabOrderStatus.Resulted
        ? throw new ConflictException($"lab order {Id} already has a result")
        : this;
}
