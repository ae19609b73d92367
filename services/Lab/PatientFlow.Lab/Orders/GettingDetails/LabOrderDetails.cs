using JasperFx;

namespace PatientFlow.Lab.Orders.GettingDetails;

/// <summary>An order as the care team sees it, kept by an inline projection of the order stream.</summary>
public sealed record LabOrderDetails(
    [property: Identity] Guid OrderId,
    Guid VisitId,
    Guid PatientId,
    string TestCode,
    string TestName,
    LabPriority Priority,
    LabOrderStatus Status,
    DateTimeOffset OrderedAt,
    LabResultDetails? Result)
{
    public static LabOrderDetails Create(LabTestOrdered ordered) => new(
        ordered.OrderId, ordered.VisitId, ordered.PatientId, ordered.Test.Code, ordered.Test.Name,
        ordered.Priority, LabOrderStatus.Ordered, ordered.OrderedAt, null);

    public LabOrderDetails Apply(LabResultRecorded recorded) => this with
    {
        Status = LabOrderStatus.Resulted,
        Result = new LabResultDetails(recorded.Value, recorded.Unit, recorded.Flag, recorded.ResultedAt),
    };
}

/// <summary>The result with its interpretation flag: N, L, H, LL, HH or A.</summary>
public sealed record LabResultDetails(string Value, string Unit, string Flag, DateTimeOffset ResultedAt);
