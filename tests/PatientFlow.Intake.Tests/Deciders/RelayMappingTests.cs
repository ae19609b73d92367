using JasperFx.Events;
using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Integration;
using V1 = PatientFlow.Contracts.Intake.V1;
using static PatientFlow.Intake.Tests.Deciders.EncounterSpec;

namespace PatientFlow.Intake.Tests.Deciders;

public class RelayMappingTests
{
    private static readonly DateTimeOffset Recorded = Now.AddMinutes(7);
    private readonly IntakeEventRelay _relay = new();

    private static Event<T> Committed<T>(T data) where T : notnull => new(data) { Id = Guid.CreateVersion7(), StreamId = VisitId, Timestamp = Recorded };

    [Fact]
    public void GivenEncounterCompleted_WhenRelayed_ThenContractCarriesVisitClinicTimeAndCodes()
    {
        var committed = Committed(new EncounterCompleted(VisitId, PatientId, ProviderId, ["J02.9"], [new Procedure("G0008", 1)], Now));

        _relay.Map(committed).Should().BeEquivalentTo(new V1.EncounterCompleted(
            committed.Id, VisitId, PatientId, Now, Recorded, ProviderId, ["J02.9"], [new V1.ProcedurePerformed("G0008", 1, [])]));
    }

    [Fact]
    public void GivenVitalsRecorded_WhenRelayed_ThenObservationsKeepLoincUnitAndFlag()
    {
        var committed = Committed(new VitalsRecorded(VisitId, PatientId, [new VitalSign("8867-4", "heart-rate", 120, "/min", true)], Now));

        _relay.Map(committed).Should().BeEquivalentTo(new V1.VitalsRecorded(
            committed.Id, VisitId, PatientId, Now, Recorded, [new V1.VitalSignObservation("8867-4", "heart-rate", 120, "/min", true)]));
    }

    [Fact]
    public void GivenEncounterOpenedAndPatientRoomed_WhenRelayed_ThenOccurredAtIsClinicTime()
    {
        var opened = Committed(Opened);
        var roomed = Committed(new PatientRoomed(VisitId, PatientId, "EXAM-3", Now));

        _relay.Map(opened).Should().Be(new V1.EncounterOpened(opened.Id, VisitId, PatientId, Opened.OpenedAt, Recorded, ProviderId));
        _relay.Map(roomed).Should().Be(new V1.PatientRoomed(roomed.Id, VisitId, PatientId, Now, Recorded, "EXAM-3"));
    }
}
