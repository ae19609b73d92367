using Marten;
using Marten.Events;
using PatientFlow.Contracts;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Testing;
using PatientFlow.Tracking.Tests.Api;

namespace PatientFlow.Tracking.Tests.Fhir;

/// <summary>
/// Tracking with three visits published through RabbitMQ and logged: a whole visit of one patient (<see cref="Full"/>, its vital
/// signs corrected once),
/// that patient's lab visit a week later (<see cref="Later"/>, whose eligibility answer is the newer and says inactive),
/// and another patient's lab visit (<see cref="Other"/>). Published once, on the first test that asks.
/// </summary>
public sealed class FhirApiFactory : TrackingFactory
{
    private readonly Lazy<Task> _published;

    public FhirApiFactory() => _published = new Lazy<Task>(PublishVisitsAsync);

    public ClinicVisit Full { get; } = ClinicVisit.New();

    public ClinicVisit Later => Full with { VisitId = LaterVisitId, ArrivalAt = Full.ArrivalAt.AddDays(7) };

    public ClinicVisit Other { get; } = ClinicVisit.New();

    public Guid LaterVisitId { get; } = Guid.CreateVersion7();

    public Guid OrderId { get; } = Guid.CreateVersion7();

    public Guid LaterOrderId { get; } = Guid.CreateVersion7();

    public Guid OtherOrderId { get; } = Guid.CreateVersion7();

    public Guid SpecimenId { get; } = Guid.CreateVersion7();

    public Guid ClaimId { get; } = Guid.CreateVersion7();

    public static readonly VitalSignObservation RespiratoryRate = new("9279-1", "respiratory-rate", 16m, "/min", false);

    public IReadOnlyList<IVisitEvent> FullEvents { get; private set; } = [];

    /// <summary>Waits until every event is in the log and the asynchronous projections have read all of it.</summary>
    public Task PublishedAsync() => _published.Value;

    private async Task PublishVisitsAsync()
    {
        var vitals = Full.Vitals();
        FullEvents =
        [
            Full.Booked(), Full.Eligibility(minute: 2), Full.CheckedIn(), Full.EncounterOpened(), Full.Roomed(), vitals,
            // Heart rate taken again, and a sign the first set lacked: amended in place, and one new Observation.
            Full.VitalsCorrected(vitals.EventId, 20, 25, ClinicVisit.Systolic, ClinicVisit.Diastolic, ClinicVisit.HeartRate with { Value = 72m, Abnormal = false },
                ClinicVisit.Temperature, RespiratoryRate),
            Full.ProviderStarted(), Full.EncounterCompleted(), Full.LabOrdered(OrderId, tests: ClinicVisit.Glucose),
            Full.SpecimenCollected(OrderId, SpecimenId, "ACC-1"),
            Full.LabResulted(OrderId, ClinicVisit.Glucose.TestCode, "95", "mg/dL", "N", 70, accession: "ACC-1"),
            Full.CheckedOut(), Full.ClaimCreated(ClaimId),
        ];
        IReadOnlyList<IVisitEvent> later =
        [
            Later.Booked(), Later.Eligibility(minute: 2, active: false), Later.CheckedIn(), Later.LabOrdered(LaterOrderId, tests: ClinicVisit.Hba1c),
            Later.LabResulted(LaterOrderId, ClinicVisit.Hba1c.TestCode, "6.1", "%", "H", 40),
        ];
        IReadOnlyList<IVisitEvent> other =
        [
            Other.Booked(), Other.CheckedIn(), Other.LabOrdered(OtherOrderId, tests: ClinicVisit.Glucose),
            Other.LabResulted(OtherOrderId, ClinicVisit.Glucose.TestCode, "101", "mg/dL", "N", 40),
        ];
        await PublishAllAsync([.. FullEvents, .. later, .. other]);
        await LoggedAsync(Full.VisitId, FullEvents.Count);
        await LoggedAsync(LaterVisitId, later.Count);
        await LoggedAsync(Other.VisitId, other.Count);
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
    }

    private Task LoggedAsync(Guid visitId, int steps) => Eventually.Until(async () =>
    {
        await using var session = Store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(visitId);
        return state?.Version >= steps ? state : null;
    }, timeout: TimeSpan.FromSeconds(60), what: $"{steps} steps of visit {visitId} in tracking's log");
}
