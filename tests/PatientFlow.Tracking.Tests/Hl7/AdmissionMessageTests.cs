using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

public class AdmissionMessageTests
{
    private readonly Hl7Visit visit = Hl7Visit.New();

    [Fact]
    public void CheckedIn_AfterBooking_AdtA04RegistersTheOutpatientVisit()
    {
        var checkedIn = visit.CheckedIn(minute: -5);

        var (message, parsed) = Hl7Visit.Send(checkedIn, visit.Booked());

        message.Type.Should().Be("ADT^A04");
        parsed.Shape.Should().Be("MSH EVN PID PV1");
        parsed.Structure.Should().Be("ADT_A01");
        var evn = parsed.Single("EVN");
        evn[1].Should().Be("A04");
        evn.Time(2).Should().Be(checkedIn.RecordedAt);
        evn.Value(2).Should().EndWith("+0000");
        evn.Time(6).Should().Be(checkedIn.OccurredAt);
        evn.Value(6).Should().EndWith("-0500");
        var pid = parsed.Single("PID");
        (pid.Value(3, 1), pid.Value(3, 4), pid.Value(3, 5)).Should().Be((visit.PatientId.ToString(), "PatientFlow", "PI"));
        pid.IsEmpty(5).Should().BeTrue("tracking holds no names");
        var pv1 = parsed.Single("PV1");
        pv1[2].Should().Be("O");
        (pv1.Value(3, 1), pv1.Value(3, 2)).Should().Be(("north", "EXAM-1"));
        pv1[7].Should().Be(visit.ProviderId.ToString());
        (pv1.Value(19, 1), pv1.Value(19, 5)).Should().Be((visit.VisitId.ToString(), "VN"));
        pv1.Time(44).Should().Be(visit.At(-5));
        pv1.IsEmpty(45).Should().BeTrue();
    }

    [Fact]
    public void Roomed_MovedBetweenRooms_AdtA08WithNewAndPriorRoom()
    {
        var (message, parsed) = Hl7Visit.Send(visit.Roomed("EXAM-4", previousRoom: "EXAM-3"), visit.Booked(), visit.CheckedIn());

        message.Type.Should().Be("ADT^A08");
        parsed.Structure.Should().Be("ADT_A01");
        parsed.Single("EVN")[1].Should().Be("A08");
        var pv1 = parsed.Single("PV1");
        (pv1.Value(3, 1), pv1.Value(3, 2)).Should().Be(("north", "EXAM-4"));
        (pv1.Value(6, 1), pv1.Value(6, 2)).Should().Be(("north", "EXAM-3"));
        pv1.Time(44).Should().Be(visit.At(-5), "an A08 restates the whole visit");
    }

    [Fact]
    public void ArrivalCorrected_AdtA08WithTheCorrectedAdmitTime()
    {
        var corrected = visit.ArrivalCorrected(wrongMinute: -5, rightMinute: -12);

        var (message, parsed) = Hl7Visit.Send(corrected, visit.Booked(), visit.CheckedIn(minute: -5));

        message.Type.Should().Be("ADT^A08");
        parsed.Single("PV1").Time(44).Should().Be(visit.At(-12));
        parsed.Single("EVN").Time(6).Should().Be(visit.At(-12));
        parsed.Single("EVN").Time(2).Should().Be(corrected.RecordedAt);
    }

    [Fact]
    public void CheckedOut_AdtA03WithClinicProviderArrivalAndDischargeFromTheContext()
    {
        var newProvider = Guid.CreateVersion7();
        var checkedOut = visit.CheckedOut(minute: 50);

        var (message, parsed) = Hl7Visit.Send(checkedOut, visit.Booked(), visit.CheckedIn(), visit.Roomed("EXAM-2"), visit.ProviderStarted(newProvider));

        message.Type.Should().Be("ADT^A03");
        parsed.Structure.Should().Be("ADT_A03");
        parsed.Single("EVN")[1].Should().Be("A03");
        var pv1 = parsed.Single("PV1");
        (pv1.Value(3, 1), pv1.Value(3, 2)).Should().Be(("north", "EXAM-2"));
        pv1[7].Should().Be(newProvider.ToString(), "the provider who saw the patient attends");
        pv1.Time(44).Should().Be(visit.At(-5));
        pv1.Time(45).Should().Be(checkedOut.OccurredAt);
        pv1[19].Should().Be(visit.VisitId.ToString());
    }
}
