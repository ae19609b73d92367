using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.Rooming;
using PatientFlow.Intake.Rooms;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Intake.Tests.Deciders.EncounterSpec;

namespace PatientFlow.Intake.Tests.Deciders;

public class RoomingTests
{
    private static readonly Rooms.Room Exam3 = Rooms.Room.Unused("north", "EXAM-3");
    private static readonly Rooms.Room Exam4 = Rooms.Room.Unused("north", "EXAM-4");
    private static readonly PatientRoomed InExam3 = new(VisitId, PatientId, "EXAM-3", Now.AddMinutes(-5));
    private static readonly Rooms.Room Exam3Held = Exam3.Apply(new RoomOccupied(Exam3.Id, "north", "EXAM-3", VisitId, Now.AddMinutes(-5)));

    private static DecisionOutcome Rooming(Spec<Encounter> spec, Room target, RoomPatient command, Room? current = null) =>
        spec.When(s =>
        {
            var (encounter, rooms) = RoomPatientDecider.Decide(s, target, current, command, Now);
            return [.. encounter, .. rooms];
        });

    [Fact]
    public void GivenOpenEncounterAndFreeRoom_WhenRoomPatient_ThenRoomedAndTheRoomOccupied() =>
        Rooming(Given(Opened), Exam3, new RoomPatient(" exam-3 ")).Then(
            new PatientRoomed(VisitId, PatientId, "EXAM-3", Now),
            new RoomOccupied(Exam3.Id, "north", "EXAM-3", VisitId, Now));

    [Fact]
    public void GivenOpenEncounter_WhenRoomPatientBackDated_ThenPatientRoomedAtEnteredTime() =>
        Rooming(Given(Opened), Exam3, new RoomPatient("EXAM-3", Now.AddMinutes(-10))).Then(
            new PatientRoomed(VisitId, PatientId, "EXAM-3", Now.AddMinutes(-10)),
            new RoomOccupied(Exam3.Id, "north", "EXAM-3", VisitId, Now.AddMinutes(-10)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ROOM-0123456789-0123456789-012345")]
    public void GivenAnyEncounter_WhenRoomPatientWithBadRoom_ThenRoomRejected(string? room) =>
        new DecisionOutcome(() => [RoomPatientDecider.CodeOf(new RoomPatient(room))]).ThenRejects("room");

    [Fact]
    public void GivenOpenEncounter_WhenRoomPatientInTheFuture_ThenRoomedAtRejected() =>
        Rooming(Given(Opened), Exam3, new RoomPatient("EXAM-3", Now.AddHours(1))).ThenRejects("roomedAt");

    [Fact]
    public void GivenRoomOccupiedByAnotherVisit_WhenRoomPatient_ThenConflictNamesTheRoom() =>
        Rooming(Given(Opened), Exam3.Apply(new RoomOccupied(Exam3.Id, "north", "EXAM-3", Guid.CreateVersion7(), Now.AddMinutes(-30))), new RoomPatient("EXAM-3"))
            .ThenConflictsOn("room", Exam3.Id);

    [Fact]
    public void GivenRoomWaitingForCleaning_WhenRoomPatient_ThenConflictNamesTheRoom() =>
        Rooming(Given(Opened), Exam3Held.Apply(new RoomVacated(Exam3.Id, "north", "EXAM-3", VisitId, Now.AddMinutes(-1))), new RoomPatient("EXAM-3"))
            .ThenConflictsOn("room", Exam3.Id);

    [Fact]
    public void GivenRoomedInExam3_WhenMovedToExam4_ThenExam3NeedsCleaningAndExam4IsOccupied() =>
        Rooming(Given(Opened, InExam3), Exam4, new RoomPatient("EXAM-4"), Exam3Held).Then(
            new PatientRoomed(VisitId, PatientId, "EXAM-4", Now, "EXAM-3"),
            new RoomVacated(Exam3.Id, "north", "EXAM-3", VisitId, Now),
            new RoomOccupied(Exam4.Id, "north", "EXAM-4", VisitId, Now));

    [Fact]
    public void GivenRoomedPatient_WhenRoomPatientInSameRoom_ThenNothingHappens() =>
        Rooming(Given(Opened, InExam3), Exam3Held, new RoomPatient("exam-3"), Exam3Held).Then();

    [Fact]
    public void GivenCompletedEncounter_WhenRoomPatient_ThenConflict() =>
        Rooming(Given(Opened, new EncounterCompleted(VisitId, PatientId, ProviderId, ["J02.9"], [new Procedure("99213", 1)], Now)), Exam3, new RoomPatient("EXAM-3"))
            .ThenConflicts();

    [Fact]
    public void GivenRoomWaitingForCleaning_WhenCleaned_ThenFree()
    {
        var dirty = Exam3Held.Apply(new RoomVacated(Exam3.Id, "north", "EXAM-3", VisitId, Now.AddMinutes(-1)));

        dirty.Clean(Now).Should().Be(new RoomCleaned(Exam3.Id, "north", "EXAM-3", Now));
        dirty.Apply(dirty.Clean(Now)).Status.Should().Be(RoomStatus.Free);
    }

    [Fact]
    public void GivenOccupiedRoom_WhenCleaned_ThenConflict() =>
        new DecisionOutcome(() => [Exam3Held.Clean(Now)]).ThenConflicts();

    [Fact]
    public void GivenRoomsOfTwoClinics_WhenKeyed_ThenTheSameCodeIsTwoRooms() =>
        Rooms.Room.IdOf("north", "EXAM-3").Should().NotBe(Rooms.Room.IdOf("south", "EXAM-3")).And.Be(Rooms.Room.IdOf("NORTH", "exam-3"));
}
