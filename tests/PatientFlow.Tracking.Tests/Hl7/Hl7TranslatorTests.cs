using PatientFlow.Contracts;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

public class Hl7TranslatorTests
{
    private static readonly Hl7Visit Visit = Hl7Visit.New();

    /// <summary>One event of every contract the mapping table names.</summary>
    private static IEnumerable<IVisitEvent> MappedEvents() =>
    [
        Visit.Booked(), Visit.Rescheduled(Visit.ProviderId, "south", 60), Visit.Cancelled("moved away"), Visit.NoShow(),
        Visit.CheckedIn(), Visit.Roomed("EXAM-2"), Visit.ArrivalCorrected(-5, -9), Visit.CheckedOut(), Visit.Resulted(), Visit.Amended(),
    ];

    [Fact]
    public void For_EveryMappedEvent_ParsesAsItsMappedTypeAndStructure()
    {
        var events = MappedEvents().ToArray();
        events.Select(e => e.GetType()).Should().BeEquivalentTo(Hl7Translator.Mappings().Select(mapping => mapping.Event));

        foreach (var e in events)
        {
            var mapping = Hl7Translator.Mappings().Single(m => m.Event == e.GetType());
            var (message, parsed) = Hl7Visit.Send(e, Visit.Booked(), Visit.CheckedIn(), Visit.LabOrdered());

            message.Type.Should().Be(mapping.MessageType, e.GetType().Name);
            parsed.MessageType.Should().Be(mapping.MessageType);
            parsed.Structure.Should().Be(mapping.Structure);
            parsed.Header[10].Should().Be(Hl7ControlId.For(e.EventId));
            parsed.Single("PID")[3].Should().Be(Visit.PatientId.ToString());
            parsed.Single("PV1")[19].Should().Be(Visit.VisitId.ToString());
        }
    }

    [Fact]
    public void For_EventsWithoutAV2Message_Null()
    {
        IVisitEvent[] unmapped =
        [
            new VitalsRecorded(Guid.CreateVersion7(), Visit.VisitId, Visit.PatientId, Visit.At(10), Visit.RecordedAt(10), []),
            Visit.LabOrdered(), Visit.SpecimenCollected(), Visit.ProviderStarted(Visit.ProviderId),
            new ClaimCreated(Guid.CreateVersion7(), Visit.VisitId, Visit.PatientId, Visit.At(90), Visit.RecordedAt(90), Guid.CreateVersion7(), 1, 80m, "USD"),
        ];

        unmapped.Select(e => Hl7Translator.For(e, Hl7VisitContext.Empty, new Hl7Options())).Should().AllSatisfy(message => message.Should().BeNull());
        Hl7Translator.Mappings().Select(mapping => mapping.Event).Should().NotContain(typeof(PatientDetailsCorrected));
    }

    [Fact]
    public void For_SameEventBuiltTwice_SameMessage()
    {
        var checkedIn = Visit.CheckedIn();

        var first = Hl7Visit.Send(checkedIn, Visit.Booked()).Message;
        var again = Hl7Visit.Send(checkedIn, Visit.Booked()).Message;

        again.Should().Be(first, "a redelivered event must reach the receiver as the same message");
    }

    [Fact]
    public void For_FreeTextWithDelimitersAndLineBreaks_SurvivesTheRoundTrip()
    {
        const string reason = "Pt said: \"can't come\" | fees ^ 50% ~ maybe & later \\ call back\nline two\r\nline three";
        const string clinic = "North & East | Annex";

        var (message, parsed) = Hl7Visit.Send(Visit.Cancelled(reason), Visit.Booked() with { Clinic = clinic, Room = "A^1" });

        message.Text.TrimEnd('\r').Should().NotContain("\n").And.Subject.Split('\r').Should().HaveCount(parsed.Segments.Count);
        parsed.Single("SCH").Value(6, 2).Should().Be(reason);
        (parsed.Single("AIL").Value(3, 1), parsed.Single("AIL").Value(3, 2)).Should().Be((clinic, "A^1"));
        (parsed.Single("PV1").Value(3, 1), parsed.Single("PV1").Value(3, 2)).Should().Be((clinic, "A^1"));
    }

    [Theory]
    [InlineData(5, 30, "20261123091500.1234+0530")]
    [InlineData(-3, 0, "20261123091500.1234-0300")]
    [InlineData(0, 0, "20261123091500.1234+0000")]
    public void For_TimeInAnyOffset_WrittenInItsOwnOffsetAndReadBackExactly(int hours, int minutes, string expected)
    {
        var offset = new TimeSpan(hours, hours < 0 ? -minutes : minutes, 0);
        var occurredAt = new DateTimeOffset(2026, 11, 23, 9, 15, 0, offset).AddTicks(1234 * 1000);
        var checkedIn = Visit.CheckedIn() with { OccurredAt = occurredAt };

        var (_, parsed) = Hl7Visit.Send(checkedIn);

        parsed.Single("EVN")[6].Should().Be(expected);
        parsed.Single("EVN").Time(6).Should().Be(occurredAt);
        parsed.Single("EVN").Time(6).Offset.Should().Be(offset);
    }

    [Fact]
    public void For_WholeSecond_NoFraction()
    {
        var (_, parsed) = Hl7Visit.Send(Visit.CheckedIn() with { OccurredAt = new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero) });

        parsed.Single("EVN")[6].Should().Be("20261123091500+0000");
    }

    [Fact]
    public void For_Options_InTheHeader()
    {
        var options = new Hl7Options("PF", "NORTH-CLINIC", "EHR", "HOSPITAL", "T");

        var (_, parsed) = Hl7Visit.Send(options, Visit.CheckedIn());

        var msh = parsed.Header;
        (msh[3], msh[4], msh[5], msh[6], msh[11], msh[12], msh[18]).Should().Be(("PF", "NORTH-CLINIC", "EHR", "HOSPITAL", "T", "2.5.1", "UNICODE UTF-8"));
    }

    [Fact]
    public void For_UnknownProcessingId_Throws()
    {
        var build = () => Hl7Translator.For(Visit.CheckedIn(), Hl7VisitContext.Empty, new Hl7Options(ProcessingId: "X"));

        build.Should().Throw<ArgumentException>().WithMessage("*MSH-11*");
    }
}
