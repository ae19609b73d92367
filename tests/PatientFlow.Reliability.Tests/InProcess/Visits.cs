using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Reliability.Tests.InProcess;

/// <summary>The first two integration events of a visit, as scheduling publishes them.</summary>
public sealed record Visit(Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic)
{
    public static Visit New(string clinic) => new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), clinic);

    public AppointmentBooked Booked(DateTimeOffset at) => new(
        Guid.CreateVersion7(), VisitId, PatientId, at, at, ProviderId, Guid.CreateVersion7(), Clinic, at.AddHours(1), at.AddHours(1.5), "follow-up");

    public PatientCheckedIn CheckedIn(DateTimeOffset at) => new(Guid.CreateVersion7(), VisitId, PatientId, at, at, ProviderId, Clinic);
}
