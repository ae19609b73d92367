namespace PatientFlow.Tracking.Tests.Hl7;

public class LabResultMessageTests
{
    private readonly Hl7Visit visit = Hl7Visit.New();

    [Fact]
    public void Recorded_NumericResult_OruR01FinalWithOrderAccessionAndTimes()
    {
        var result = visit.Resulted();

        var (message, parsed) = Hl7Visit.Send(result, visit.Booked(), visit.CheckedIn(), visit.LabOrdered(), visit.SpecimenCollected("ACC-1001"));

        message.Type.Should().Be("ORU^R01");
        parsed.Shape.Should().Be("MSH PID PV1 ORC OBR OBX");
        parsed.Structure.Should().Be("ORU_R01");
        parsed.Single("PID")[3].Should().Be(visit.PatientId.ToString());
        var pv1 = parsed.Single("PV1");
        pv1[19].Should().Be(visit.VisitId.ToString());
        pv1[7].Should().Be(visit.ProviderId.ToString());
        var orc = parsed.Single("ORC");
        (orc[1], orc[2], orc[3], orc[12]).Should().Be(("RE", visit.OrderId.ToString(), "ACC-1001", visit.ProviderId.ToString()));
        var obr = parsed.Single("OBR");
        (obr.Value(2, 1), obr.Value(2, 2)).Should().Be((visit.OrderId.ToString(), "PatientFlow"));
        obr[3].Should().Be("ACC-1001");
        (obr.Value(4, 1), obr.Value(4, 2), obr.Value(4, 3)).Should().Be(("2345-7", "Glucose", "LN"));
        obr.Time(7).Should().Be(visit.At(28), "OBR-7 is the specimen's collection time");
        obr.Time(22).Should().Be(result.OccurredAt);
        obr[25].Should().Be("F");
        var obx = parsed.Single("OBX");
        (obx[2], obx[5], obx[6], obx[7], obx[8], obx[11]).Should().Be(("NM", "95", "mg/dL", "70-99", "N", "F"));
        obx.Value(3, 2).Should().Be("Glucose");
        obx.Time(14).Should().Be(result.OccurredAt);
        obx.Value(14).Should().EndWith("-0500");
    }

    [Fact]
    public void Recorded_TextResultWithDelimiters_StringTypeAndValueSurvives()
    {
        const string value = "yellow|cloudy ^ see note~2 & \\ more";

        var (_, parsed) = Hl7Visit.Send(visit.Resulted("5778-6", value, unit: "", flag: "A", range: null), visit.LabOrdered());

        var obx = parsed.Single("OBX");
        (obx[2], obx[5], obx[8]).Should().Be(("ST", value, "A"));
        obx.IsEmpty(6).Should().BeTrue();
        obx.Value(3, 2).Should().Be("Color of Urine");
        parsed.Single("OBR").Time(7).Should().Be(visit.At(70), "without a collection the result time stands in");
    }

    [Fact]
    public void Recorded_FlagSpelledOut_WrittenAsTableCode()
    {
        var (_, parsed) = Hl7Visit.Send(visit.Resulted(flag: "normal"));

        parsed.Single("OBX")[8].Should().Be("N");
    }

    [Fact]
    public void Amended_AfterFirstResult_CorrectedResultObservedWhenTheFirstWas()
    {
        var first = visit.Resulted();
        var amended = visit.Amended("59", "L");

        var (message, parsed) = Hl7Visit.Send(amended, visit.Booked(), visit.LabOrdered(), visit.SpecimenCollected("ACC-1001"), first);

        message.Type.Should().Be("ORU^R01");
        var obr = parsed.Single("OBR");
        (obr[2], obr[3], obr[25]).Should().Be((visit.OrderId.ToString(), "ACC-1001", "C"));
        obr.Time(22).Should().Be(amended.OccurredAt, "OBR-22 is when the result changed");
        var obx = parsed.Single("OBX");
        (obx[2], obx[5], obx[7], obx[8], obx[11]).Should().Be(("NM", "59", "70-99", "L", "C"));
        obx.Time(14).Should().Be(first.OccurredAt);
    }

    [Fact]
    public void Parse_NumericTypeWithTextValue_Rejected()
    {
        var (message, _) = Hl7Visit.Send(visit.Resulted(value: "95"));

        var parse = () => Er7Parser.Parse(message.Text.Replace("|95|", "|9 5|", StringComparison.Ordinal));

        parse.Should().Throw<Er7FormatException>().WithMessage("*not a number although OBX-2 says NM*");
    }
}
