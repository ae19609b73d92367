using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

public class SchedulingMessageTests
{
    private readonly Hl7Visit visit = Hl7Visit.New();

    [Fact]
    public void Booked_FollowUp_SiuS12WithVisitSlotClinicAndProvider()
    {
        var booked = visit.Booked();

        var (message, parsed) = Hl7Visit.Send(booked);

        message.Type.Should().Be("SIU^S12");
        parsed.Shape.Should().Be("MSH SCH TQ1 PID PV1 RGS AIL AIP");
        parsed.Header.Value(9, 3).Should().Be("SIU_S12");
        parsed.Header[10].Should().Be(Hl7ControlId.For(booked.EventId)).And.Be(message.ControlId);
        parsed.Header.Time(7).Should().Be(booked.RecordedAt);
        var sch = parsed.Single("SCH");
        sch[1].Should().Be(visit.VisitId.ToString());
        sch.Value(1, 2).Should().Be("PatientFlow");
        sch[2].Should().Be(visit.VisitId.ToString());
        sch.Value(6, 1).Should().Be("front-desk");
        sch.Value(7, 1).Should().Be("FOLLOWUP");
        sch.Value(7, 4).Should().Be("follow-up");
        sch[8].Should().Be("Normal");
        sch[9].Should().Be("30");
        sch[10].Should().Be("min");
        sch.Value(11, 3).Should().Be("M30");
        sch.Time(11, 4).Should().Be(visit.At(0));
        sch.Time(11, 5).Should().Be(visit.At(30));
        sch.Value(11, 4).Should().EndWith("-0500", "the clinic's offset is kept, not converted");
        sch[16].Should().Be(visit.ProviderId.ToString());
        sch[25].Should().Be("Booked");
        parsed.Single("TQ1").Time(7).Should().Be(visit.At(0));
        parsed.Single("PID").Value(3, 1).Should().Be(visit.PatientId.ToString());
        parsed.Single("PV1")[19].Should().Be(visit.VisitId.ToString());
        var ail = parsed.Single("AIL");
        (ail.Value(3, 1), ail.Value(3, 2)).Should().Be(("north", "EXAM-1"));
        ail.Time(6).Should().Be(visit.At(0));
        ail[12].Should().Be("Booked");
        parsed.Single("AIP")[3].Should().Be(visit.ProviderId.ToString());
    }

    [Fact]
    public void Booked_WalkIn_AppointmentReasonWalkIn()
    {
        var (_, parsed) = Hl7Visit.Send(visit.Booked("new-patient", "walk-in"));

        parsed.Single("SCH").Value(7, 1).Should().Be("WALKIN");
        parsed.Single("SCH").Value(7, 4).Should().Be("new-patient");
    }

    [Fact]
    public void Rescheduled_ToAnotherClinicAndProvider_SiuS13WithTheNewSlot()
    {
        var otherProvider = Guid.CreateVersion7();

        var (message, parsed) = Hl7Visit.Send(visit.Rescheduled(otherProvider, "south", toMinute: 120), visit.Booked());

        message.Type.Should().Be("SIU^S13");
        var sch = parsed.Single("SCH");
        sch.Time(11, 4).Should().Be(visit.At(120));
        sch[9].Should().Be("45");
        sch[6].Should().Be("rescheduled");
        sch[25].Should().Be("Booked");
        (parsed.Single("AIL").Value(3, 1), parsed.Single("AIL").Value(3, 2)).Should().Be(("south", "EXAM-9"));
        parsed.Single("AIP")[3].Should().Be(otherProvider.ToString());
        parsed.Single("PV1")[19].Should().Be(visit.VisitId.ToString());
    }

    [Fact]
    public void Cancelled_AfterBooking_SiuS15WithStaffReasonAndBookedSlot()
    {
        var (message, parsed) = Hl7Visit.Send(visit.Cancelled("patient called: car broke down"), visit.Booked());

        message.Type.Should().Be("SIU^S15");
        var sch = parsed.Single("SCH");
        (sch.Value(6, 1), sch.Value(6, 2)).Should().Be(("cancelled", "patient called: car broke down"));
        sch[25].Should().Be("Cancelled");
        sch.Time(11, 4).Should().Be(visit.At(0), "the slot comes from the booking the context folded");
        parsed.Single("AIL")[12].Should().Be("Cancelled");
    }

    [Fact]
    public void Cancelled_WithNothingEarlier_StillAValidS15FromTheEventAlone()
    {
        var (_, parsed) = Hl7Visit.Send(visit.Cancelled("duplicate booking"));

        parsed.Shape.Should().Be("MSH SCH PID PV1 RGS AIP", "no slot times or clinic are known, so no TQ1 and no AIL");
        parsed.Single("SCH").IsEmpty(11).Should().BeTrue();
        parsed.Single("AIP")[3].Should().Be(visit.ProviderId.ToString());
    }

    [Fact]
    public void NoShow_AfterBooking_SiuS26Noshow()
    {
        var noShow = visit.NoShow();

        var (message, parsed) = Hl7Visit.Send(noShow, visit.Booked());

        message.Type.Should().Be("SIU^S26");
        parsed.Header.Value(9, 3).Should().Be("SIU_S12");
        parsed.Single("SCH")[25].Should().Be("Noshow");
        parsed.Single("AIP")[12].Should().Be("Noshow");
        parsed.Header.Time(7).Should().Be(noShow.RecordedAt);
    }
}
