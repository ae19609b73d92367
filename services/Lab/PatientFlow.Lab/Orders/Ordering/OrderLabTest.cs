using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Visits;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Lab.Orders.Ordering;

/// <summary>Order one catalog test for a visit; routine unless said otherwise.</summary>
public sealed record OrderLabTest(Guid VisitId, string? TestCode = null, LabPriority? Priority = null);

public static class OrderLabTestDecider
{
    public static IReadOnlyList<object> Decide(Visit visit, LabCatalog catalog, OrderLabTest command, Guid orderId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(command.TestCode))
        {
            throw new InvalidFieldException("testCode", "is required");
        }

        var test = catalog.Find(command.TestCode)
            ?? throw new InvalidFieldException("testCode", "is not a test in the lab catalog (GET /api/lab/catalog)");
        return [new LabTestOrdered(orderId, visit.VisitId, visit.PatientId, test, command.Priority ?? LabPriority.Routine, now)];
    }
}
