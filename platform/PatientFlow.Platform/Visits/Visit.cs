using JasperFx;
using Marten;
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
        await session.LoadAsync<Visit>(visitId, ct) ?? throw new NotFoundException($"visit {visitId} is not known here: scheduling has not booked it");
}
