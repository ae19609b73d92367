using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Tracking.Integrators.Catalog;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Catalog;

public partial class PayloadScopesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(-5));
    private static readonly Guid VisitId = Guid.CreateVersion7();
    private static readonly Guid PatientId = Guid.CreateVersion7();

    [Fact]
    public void GivenBooking_WhenIdsOnly_ThenIdsTimesClinicProviderAndSlot()
    {
        var booked = new AppointmentBooked(Guid.CreateVersion7(), VisitId, PatientId, At, At.AddSeconds(2), Guid.CreateVersion7(),
            Guid.CreateVersion7(), "north", At.AddMinutes(15), At.AddMinutes(35), "new-patient", "front-desk", "EXAM-3");
        var clinical = Clinical(booked);

        var ids = PayloadScopes.IdsOnly(clinical);

        ids.Select(property => property.Key).Should().Equal(
            "eventId", "visitId", "patientId", "occurredAt", "recordedAt", "providerId", "slotId", "clinic");
        ids["providerId"]!.GetValue<Guid>().Should().Be(booked.ProviderId);
        ids["clinic"]!.GetValue<string>().Should().Be("north");
        ids["recordedAt"]!.GetValue<DateTimeOffset>().Should().Be(booked.RecordedAt);
    }

    [Fact]
    public void GivenVitals_WhenIdsOnly_ThenNoVitalSignsSurvive()
    {
        var vitals = new VitalsRecorded(Guid.CreateVersion7(), VisitId, PatientId, At, At,
            [new VitalSignObservation("8867-4", "heart-rate", 128m, "/min", true)]);

        var ids = PayloadScopes.IdsOnly(Clinical(vitals));

        ids.Select(property => property.Key).Should().Equal("eventId", "visitId", "patientId", "occurredAt", "recordedAt");
        WithoutIds(ids).Should().NotContain("8867-4").And.NotContain("128");
    }

    [Fact]
    public void GivenLabResult_WhenIdsOnly_ThenOrderAndAccessionIdsButNoValue()
    {
        var result = new LabResultRecorded(Guid.CreateVersion7(), VisitId, PatientId, At, At, Guid.CreateVersion7(),
            "2345-7", "412", "mg/dL", "HH", "82947", "70-99", "A260302-0017");

        var ids = PayloadScopes.IdsOnly(Clinical(result));

        ids.Select(property => property.Key).Should().Equal(
            "eventId", "visitId", "patientId", "occurredAt", "recordedAt", "orderId", "accessionId");
        WithoutIds(ids).Should().NotContain("412").And.NotContain("HH").And.NotContain("2345-7");
    }

    [Fact]
    public void GivenCheckOutWithoutFollowUp_WhenIdsOnly_ThenTheNullIdIsKept()
    {
        var ids = PayloadScopes.IdsOnly(Clinical(new PatientCheckedOut(Guid.CreateVersion7(), VisitId, PatientId, At, At)));

        ids.ContainsKey("followUpVisitId").Should().BeTrue();
        ids["followUpVisitId"].Should().BeNull();
    }

    [Fact]
    public void GivenClinicalPayload_WhenIdsOnly_ThenTheInputIsUnchangedAndNotShared()
    {
        var clinical = Clinical(new PatientRoomed(Guid.CreateVersion7(), VisitId, PatientId, At, At, "EXAM-3", "EXAM-1"));
        var before = clinical.DeepClone();

        var ids = PayloadScopes.IdsOnly(clinical);
        ids["visitId"] = "changed";

        JsonNode.DeepEquals(clinical, before).Should().BeTrue();
    }

    private static JsonObject Clinical<T>(T contract) => JsonSerializer.SerializeToNode(contract, ContractJson.Options)!.AsObject();

    /// <summary>The payload as JSON with its GUIDs taken out: a random id may hold the digits of a clinical value ("128").</summary>
    private static string WithoutIds(JsonObject ids) => Guids().Replace(ids.ToJsonString(), "<id>");

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guids();
}
