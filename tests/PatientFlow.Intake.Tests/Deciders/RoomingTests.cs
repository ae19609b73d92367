using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.Rooming;
using static PatientFlow.Intake.Tests.Deciders.EncounterSpec;

namespace PatientFlow.Intake.Tests.Deciders;

public class RoomingTests
{
    [Fact]
    public void GivenOpenEncounter_WhenRoomPatient_ThenPatientRoomedNow() =>
        Given(Opened).When(s => RoomPatientDecider.Decide(s, new RoomPatient(" EXAM-3 ", null), Now))
            .Then(new PatientRoomed(VisitId, PatientId, "EXAM-3", Now));

    [Fact]
    public void GivenOpenEncounter_WhenRoomPatientBackDated_ThenPatientRoomedAtEnteredTime() =>
        Given(Opened).When(s => RoomPatientDecider.Decide(s, new RoomPatient("EXAM-3", Now.AddMinutes(-10)), Now))
            .Then(new PatientRoomed(VisitId, PatientId, "EXAM-3", Now.AddMinutes(-10)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ROOM-0123456789-0123456789-012345")]
    public void GivenOpenEncounter_WhenRoomPatientWithBadRoom_ThenRoomRejected(string? room) =>
        Given(Opened).When(s => RoomPatientDecider.Decide(s, new RoomPatient(room, null), Now)).ThenRejects("room");

    [Fact]
    public void GivenOpenEncounter_WhenRoomPatientInTheFuture_ThenRoomedAtRejected() =>
        Given(Opened).When(s => RoomPatientDecider.Decide(s, new RoomPatient("EXAM-3", Now.AddHours(1)), Now)).ThenRejects("roomedAt");

    [Fact]
    public void GivenRoomedPatient_WhenRoomPatientInAnotherRoom_ThenPatientRoomedAgain() =>
        Given(Opened, new PatientRoomed(VisitId, PatientId, "EXAM-3", Now.AddMinutes(-5)))
            .When(s => RoomPatientDecider.Decide(s, new RoomPatient("EXAM-4", null), Now))
            .Then(new PatientRoomed(VisitId, PatientId, "EXAM-4", Now));

    [Fact]
    public void GivenRoomedPatient_WhenRoomPatientInSameRoom_ThenNothingHappens() =>
        Given(Opened, new PatientRoomed(VisitId, PatientId, "EXAM-3", Now.AddMinutes(-5)))
            .When(s => RoomPatientDecider.Decide(s, new RoomPatient("EXAM-3", null), Now))
            .Then();

    [Fact]
    public void GivenCompletedEncounter_WhenRoomPatient_ThenConflict() =>
        Given(Opened, new EncounterCompleted(VisitId, PatientId, ProviderId, ["J02.9"], [new Procedure("99213", 1)], Now))
            .When(s => RoomPatientDecider.Decide(s, new RoomPatient("EXAM-3", null), Now))
            .ThenConflicts();
}
