using JasperFx;
using Marten;
using PatientFlow.Platform.Access;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Visits;

/// <summary>
/// A visit scheduling has booked, as a service that works on visits (lab, referral) learned it from
/// <c>AppointmentBooked</c> (<see cref="VisitBookedConsumer"/>). Work is only taken for visits known here, and the
/// patient comes from the visit, never from the client.
/// </summary>
public sealed record Visit([property: Identity] Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic)
{
    public static async Task<Visit> LoadAsync(IQuerySession session, Guid visitId, CancellationToken ct) =>
        await session.LoadAsync<Visit>(visitId, ct) ?? throw NotFound(visitId);

    public static Exception NotFound(Guid visitId) => new NotFoundException($"visit {visitId} is not known here: scheduling has not booked it");

    /// <summary>The visit's clinic, for the clinic check of a route or command that names the visit; null when it is not known here.</summary>
    public static async Task<RecordClinic?> ClinicOfAsync(IQuerySession session, Guid visitId, CancellationToken ct) =>
        await session.LoadAsync<Visit>(visitId, ct) is { } visit ? RecordClinic.In(visit.Clinic, visit.PatientId) : null;

    /// <summary>A visit a command names in its body: one of the caller's clinics', or not found (as an unknown one).</summary>
    public static async Task<Visit> LoadInScopeAsync(IQuerySession session, ClinicScope scope, Guid visitId, CancellationToken ct)
    {
        var visit = await LoadAsync(session, visitId, ct);
        scope.EnsureAdmits([visit.Clinic], () => NotFound(visitId));
        return visit;
    }

    /// <summary>Those of <paramref name="visitIds"/> in the caller's clinics: what a list of work on visits may show.</summary>
    public static async Task<IReadOnlySet<Guid>> InScopeAsync(IQuerySession session, ClinicScope scope, IEnumerable<Guid> visitIds, CancellationToken ct)
    {
        var ids = visitIds.Distinct().ToArray();
        var visits = ids.Length == 0 ? [] : await session.LoadManyAsync<Visit>(ct, ids);
        return visits.Where(visit => scope.Admits(visit.Clinic)).Select(visit => visit.VisitId).ToHashSet();
    }
}
