using Hl7.Fhir.Model;
using PatientFlow.Contracts;
using PatientFlow.Tracking.Integrators.Fhir;
using static Hl7.Fhir.Model.Encounter;
using static PatientFlow.Tracking.Tests.Fhir.FhirJson;

namespace PatientFlow.Tracking.Tests.Fhir;

public class EncounterTests
{
    private readonly ClinicVisit visit = ClinicVisit.New();

    private static Encounter EncounterOf(params IVisitEvent[] events) => RoundTrip(VisitResources.Build(events).Encounter);

    private static IEnumerable<(EncounterStatus?, DateTimeOffset?, DateTimeOffset?)> HistoryOf(Encounter encounter) =>
        encounter.StatusHistory.Select(h => (h.Status, Time(h.Period.StartElement), Time(h.Period.EndElement)));

    [Fact]
    public void Build_WalkInSeenAndCheckedOut_FourStatusesEachUntilTheNext()
    {
        var encounter = EncounterOf(
            visit.WalkInBooked(), visit.CheckedIn(walkIn: true), visit.Roomed(minute: 10), visit.ProviderStarted(minute: 30), visit.CheckedOut(minute: 80));

        encounter.Status.Should().Be(EncounterStatus.Finished);
        HistoryOf(encounter).Should().Equal(
            (EncounterStatus.Arrived, visit.At(0), visit.At(10)),
            (EncounterStatus.Triaged, visit.At(10), visit.At(30)),
            (EncounterStatus.InProgress, visit.At(30), visit.At(80)),
            (EncounterStatus.Finished, visit.At(80), null));
        Time(encounter.Period?.StartElement).Should().Be(visit.At(0));
        Time(encounter.Period?.EndElement).Should().Be(visit.At(80));
    }

    [Fact]
    public void Build_BookedVisitSeen_PlannedFromBookingThenTheFourStatuses()
    {
        var encounter = EncounterOf(
            visit.Booked(), visit.CheckedIn(), visit.Roomed(minute: 10), visit.ProviderStarted(minute: 30), visit.CheckedOut(minute: 80));

        HistoryOf(encounter).Select(h => h.Item1).Should().Equal(
            EncounterStatus.Planned, EncounterStatus.Arrived, EncounterStatus.Triaged, EncounterStatus.InProgress, EncounterStatus.Finished);
        HistoryOf(encounter).Take(1).Should().Equal((EncounterStatus.Planned, visit.At(-24 * 60), visit.At(0)));
        encounter.Class.Should().BeEquivalentTo(new { System = Terminology.ActCode, Code = "AMB" });
        encounter.Subject?.Reference.Should().Be($"Patient/{visit.PatientId:D}");
        encounter.Appointment.Single().Reference.Should().Be($"Appointment/{visit.VisitId:D}");
        encounter.Participant.Single().Individual?.Reference.Should().Be($"Practitioner/{visit.ProviderId:D}");
    }

    [Fact]
    public void Build_RoomingRecordedAfterTheProviderStarted_StillBetweenArrivalAndProvider()
    {
        var encounter = EncounterOf(visit.CheckedIn(), visit.ProviderStarted(minute: 30), visit.Roomed(minute: 10));

        encounter.Status.Should().Be(EncounterStatus.InProgress);
        HistoryOf(encounter).Should().Equal(
            (EncounterStatus.Arrived, visit.At(0), visit.At(10)),
            (EncounterStatus.Triaged, visit.At(10), visit.At(30)),
            (EncounterStatus.InProgress, visit.At(30), null));
    }

    [Fact]
    public void Build_ArrivalCorrectedEarlier_ArrivedAndPeriodStartAtTheCorrectedTime()
    {
        var encounter = EncounterOf(visit.CheckedIn(minute: 0), visit.Roomed(minute: 10), visit.ArrivalCorrected(rightMinute: -10, recordedMinute: 12));

        HistoryOf(encounter).Take(1).Should().Equal((EncounterStatus.Arrived, visit.At(-10), visit.At(10)));
        Time(encounter.Period?.StartElement).Should().Be(visit.At(-10));
    }

    [Fact]
    public void Build_CancelledBeforeArrival_CancelledAfterPlannedWithNoPeriodOrPlace()
    {
        var cancelled = visit.Cancelled(minute: -60);

        var encounter = EncounterOf(visit.Booked(), cancelled);

        encounter.Status.Should().Be(EncounterStatus.Cancelled);
        HistoryOf(encounter).Should().Equal(
            (EncounterStatus.Planned, visit.At(-24 * 60), visit.At(-60)),
            (EncounterStatus.Cancelled, visit.At(-60), null));
        encounter.Period.Should().BeNull();
        encounter.Location.Should().BeEmpty();
        encounter.Meta?.LastUpdated.Should().Be(cancelled.RecordedAt);
    }

    [Fact]
    public void Build_NoShowThenTheyCame_ArrivedNotCancelled()
    {
        var encounter = EncounterOf(visit.Booked(), visit.NoShow(minute: 15), visit.CheckedIn(minute: 25));

        encounter.Status.Should().Be(EncounterStatus.Arrived);
        HistoryOf(encounter).Select(h => h.Item1).Should().Equal(EncounterStatus.Planned, EncounterStatus.Arrived);
    }

    [Fact]
    public void Build_MovedBetweenRooms_ClinicAndEachRoomForItsTime()
    {
        var encounter = EncounterOf(
            visit.Booked(), visit.CheckedIn(), visit.Roomed(minute: 10, room: "EXAM-3"), visit.Roomed(minute: 40, room: "PROC-1", previousRoom: "EXAM-3"),
            visit.CheckedOut(minute: 80));

        encounter.Location.Select(l => (l.Location?.Reference, l.Location?.Display, l.Status, Time(l.Period?.StartElement), Time(l.Period?.EndElement)))
            .Should().Equal(
                ("Location/north", "north", EncounterLocationStatus.Completed, visit.At(0), visit.At(80)),
                ("Location/north.EXAM-3", "EXAM-3, north", EncounterLocationStatus.Completed, visit.At(10), visit.At(40)),
                ("Location/north.PROC-1", "PROC-1, north", EncounterLocationStatus.Completed, visit.At(40), visit.At(80)));
    }

    [Fact]
    public void Build_ComplaintAndCompletion_ReasonAndRankedIcd10Diagnoses()
    {
        var encounter = EncounterOf(visit.Booked(), visit.CheckedIn(), visit.ChiefComplaint(), visit.EncounterCompleted());

        encounter.ReasonCode.Single().Text.Should().Be("cough for three days");
        encounter.Diagnosis.Select(d => (d.Condition.Reference, d.Rank)).Should().Equal(("#dx1", 1), ("#dx2", 2));
        encounter.Contained.Cast<Condition>().Select(c => (c.Id, c.Code?.Coding.Single().System, Code(c.Code!)))
            .Should().Equal(("dx1", Terminology.Icd10Cm, "J06.9"), ("dx2", Terminology.Icd10Cm, "R05.9"));
    }

    [Fact]
    public void Build_ComplaintEnteredInError_NoReason()
    {
        var complaint = visit.ChiefComplaint();

        var encounter = EncounterOf(visit.CheckedIn(), complaint, visit.EnteredInError(complaint.EventId, "chief-complaint", minute: 14));

        encounter.ReasonCode.Should().BeEmpty();
    }

    [Fact]
    public void Build_OnlyBookedAsAWalkIn_NoEncounterUntilArrival()
    {
        VisitResources.Build([visit.WalkInBooked()]).Encounter.Should().BeNull();
    }
}
