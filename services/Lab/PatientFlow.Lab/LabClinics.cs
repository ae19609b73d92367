using PatientFlow.Lab.Orders;
using PatientFlow.Platform.Visits;

namespace PatientFlow.Lab;

/// <summary>The clinic of lab's records: an order is its visit's clinic's, as is a specimen by its accession number.</summary>
public static class LabClinics
{
    public static async Task<RecordClinic?> OrderAsync(IQuerySession session, Guid orderId, CancellationToken ct) =>
        await session.LoadAsync<LabOrderDetails>(orderId, ct) is { } order ? await Visit.ClinicOfAsync(session, order.VisitId, ct) : null;

    public static async Task<RecordClinic?> AccessionAsync(IQuerySession session, string accessionId, CancellationToken ct) =>
        SpecimenAccession.Parse(accessionId) is { } id && await session.LoadAsync<SpecimenAccession>(id, ct) is { } accession
            ? await OrderAsync(session, accession.OrderId, ct)
            : null;

    /// <summary>Those of <paramref name="orders"/> of the caller's clinics.</summary>
    public static async Task<IReadOnlyList<LabOrderDetails>> VisibleAsync(
        IQuerySession session, ClinicScope scope, IReadOnlyList<LabOrderDetails> orders, CancellationToken ct)
    {
        if (scope.HasAllClinics)
        {
            return orders;
        }

        var visits = await Visit.InScopeAsync(session, scope, orders.Select(order => order.VisitId), ct);
        return [.. orders.Where(order => visits.Contains(order.VisitId))];
    }
}
