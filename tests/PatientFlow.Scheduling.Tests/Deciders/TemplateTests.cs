using PatientFlow.Scheduling.Clinics;
using PatientFlow.Scheduling.Clinics.DeclaringHolidays;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Providers.BlockingTime;
using PatientFlow.Scheduling.Providers.GeneratingSlots;
using PatientFlow.Scheduling.Providers.Templates;
using PatientFlow.Scheduling.Resources;
using PatientFlow.Testing;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>Weekly templates, slot generation in the clinic's time zone, holidays and blocked time.</summary>
public class TemplateTests
{
    private static readonly DateOnly Thursday = new(2026, 3, 5);
    private static readonly Dictionary<string, ResourceDetails> Rooms = new() { ["EXAM-1"] = ResourceDetails.Create(Room), ["ECG-A"] = ResourceDetails.Create(EcgA) };

    private static readonly WeeklyTemplateSet Mornings = new(ProviderId,
    [
        new TemplateSession(DayOfWeek.Thursday, new TimeOnly(9, 0), new TimeOnly(10, 0), 20, Room.ResourceId, 0),
        new TemplateSession(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(9, 30), 15, Room.ResourceId, 1),
    ], Now.AddDays(-3));

    private static DecisionOutcome WhenTemplateSet(params SessionEntry[] sessions) =>
        ProviderSpec.Given(Created).When(p => [SetWeeklyTemplateDecider.Decide(p, new SetWeeklyTemplate(sessions), Rooms, Now)]);

    private static IReadOnlyList<Slot> Generate(ClinicDetails clinic, DateOnly from, DateOnly to, params object[] history) =>
        GenerateSlotsDecider.Decide(ProviderSpec.Build([Created, .. history]), clinic, new GenerateSlots(from, to), Guid.CreateVersion7, Now)?.Slots ?? [];

    [Fact]
    public void GivenProvider_WhenTemplateSetWithARoomOfTheClinic_ThenTheSessionNamesTheRoom() =>
        WhenTemplateSet(new SessionEntry(DayOfWeek.Thursday, new TimeOnly(9, 0), new TimeOnly(10, 0), 20, "exam-1", 1)).Then(
            new WeeklyTemplateSet(ProviderId, [new TemplateSession(DayOfWeek.Thursday, new TimeOnly(9, 0), new TimeOnly(10, 0), 20, Room.ResourceId, 1)], Now));

    public static TheoryData<SessionEntry, string> InvalidSessions => new()
    {
        { new SessionEntry(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(10, 0), 3), "sessions[0].slotMinutes" },
        { new SessionEntry(DayOfWeek.Monday, new TimeOnly(10, 0), new TimeOnly(9, 0), 20), "sessions[0].end" },
        { new SessionEntry(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(9, 10), 20), "sessions[0].end" },
        { new SessionEntry(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(10, 0), 20, Overbook: 4), "sessions[0].overbook" },
        { new SessionEntry(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(10, 0), 20, "EXAM-9"), "sessions[0].room" },
        { new SessionEntry(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(10, 0), 20, "ECG-A"), "sessions[0].room" },
    };

    [Theory]
    [MemberData(nameof(InvalidSessions))]
    public void GivenProvider_WhenTemplateSetWithAnInvalidSession_ThenTheFieldIsRejected(SessionEntry session, string field) =>
        WhenTemplateSet(session).ThenRejects(field);

    [Fact]
    public void GivenProvider_WhenTemplateSetWithOverlappingSessionsOnOneDay_ThenTheSecondIsRejected() =>
        WhenTemplateSet(
            new SessionEntry(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0), 20),
            new SessionEntry(DayOfWeek.Monday, new TimeOnly(11, 0), new TimeOnly(13, 0), 20)).ThenRejects("sessions[1]");

    [Fact]
    public void GivenTemplate_WhenGeneratingThursdayAndFriday_ThenThreeThursdaySlotsInClinicTimeWithRoom()
    {
        var slots = Generate(North, Thursday, Thursday.AddDays(1), Mornings);

        slots.Select(s => s.StartsAt).Should().Equal(
            new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(-5)),
            new DateTimeOffset(2026, 3, 5, 9, 20, 0, TimeSpan.FromHours(-5)),
            new DateTimeOffset(2026, 3, 5, 9, 40, 0, TimeSpan.FromHours(-5)));
        slots.Should().OnlyContain(s => s.RoomId == Room.ResourceId && s.Capacity == 1 && s.EndsAt - s.StartsAt == TimeSpan.FromMinutes(20));
    }

    [Fact]
    public void GivenTemplateAllowingOneOverbook_WhenGeneratingTheMondayAfterDaylightSavingStarts_ThenSlotsKeepTheWallClockAndTakeTwo()
    {
        var slots = Generate(North, new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 9), Mornings);

        slots.Select(s => s.StartsAt).Should().Equal(
            new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(-4)),
            new DateTimeOffset(2026, 3, 9, 9, 15, 0, TimeSpan.FromHours(-4)));
        slots.Should().OnlyContain(s => s.Capacity == 2);
    }

    [Fact]
    public void GivenThursdayIsAHoliday_WhenGenerating_ThenNoSlotThatDay() =>
        Generate(North.Apply(new HolidayDeclared(North.ClinicId, Thursday, "Founders' day", Now)), Thursday, Thursday, Mornings).Should().BeEmpty();

    [Fact]
    public void GivenBlockedMorning_WhenGenerating_ThenOnlySlotsOutsideTheBlock() =>
        Generate(North, Thursday, Thursday, Mornings,
                new TimeBlocked(ProviderId, Guid.CreateVersion7(), new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 3, 5, 9, 30, 0, TimeSpan.FromHours(-5)), "meeting", Now))
            .Select(s => s.StartsAt.TimeOfDay).Should().Equal(new TimeSpan(9, 40, 0));

    [Fact]
    public void GivenThursdayAlreadyGenerated_WhenGeneratingAgain_ThenNothingNew()
    {
        var first = GenerateSlotsDecider.Decide(ProviderSpec.Build(Created, Mornings), North, new GenerateSlots(Thursday, Thursday), Guid.CreateVersion7, Now)!;

        Generate(North, Thursday, Thursday, Mornings, first).Should().BeEmpty();
    }

    [Fact]
    public void GivenTemplate_WhenGeneratingToday_ThenNoSlotInThePast() =>
        Generate(North, new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 4),
            new WeeklyTemplateSet(ProviderId, [new TemplateSession(DayOfWeek.Wednesday, new TimeOnly(8, 0), new TimeOnly(10, 0), 30, null, 0)], Now))
            .Select(s => s.StartsAt.TimeOfDay).Should().Equal(new TimeSpan(9, 30, 0));

    [Fact]
    public void GivenNoTemplate_WhenGenerating_ThenConflict() =>
        new DecisionOutcome(() => [.. Generate(North, Thursday, Thursday)]).ThenConflicts();

    [Fact]
    public void GivenTemplate_WhenGeneratingMoreThan92Days_ThenToRejected() =>
        new DecisionOutcome(() => [.. Generate(North, Thursday, Thursday.AddDays(92), Mornings)]).ThenRejects("to");

    [Fact]
    public void GivenOneSlotBookedAndOneFree_WhenTimeBlockedOverBoth_ThenTheFreeOneIsRemovedAndTheBookingReported()
    {
        var blockId = Guid.CreateVersion7();
        var provider = ProviderSpec.Build(Created, Opened, Taken(First, AppointmentId));
        var (events, affected) = BlockTimeDecider.Decide(provider, new BlockTime(First.StartsAt, Second.EndsAt, "training"), blockId, Now);

        events.Should().BeEquivalentTo(new object[]
        {
            new TimeBlocked(ProviderId, blockId, First.StartsAt, Second.EndsAt, "training", Now),
            new SlotsRemoved(ProviderId, [Second.SlotId], "blocked: training", Now),
        }, o => o.RespectingRuntimeTypes().WithStrictOrdering());
        affected.Should().Equal(AppointmentId);
    }

    [Fact]
    public void GivenProvider_WhenTimeBlockedEndingBeforeItStarts_ThenEndsAtRejected() =>
        ProviderSpec.Given(Created, Opened).When(p => BlockTimeDecider.Decide(p, new BlockTime(Second.EndsAt, First.StartsAt, "x"), Guid.CreateVersion7(), Now).Events)
            .ThenRejects("endsAt");

    [Fact]
    public void GivenTwoProvidersOfTheClinic_WhenHolidayDeclared_ThenEachLosesOnlyItsFreeSlotsOfThatDay()
    {
        var thursdaySlot = new Slot(Guid.CreateVersion7(), new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 3, 5, 9, 20, 0, TimeSpan.FromHours(-5)));
        var bookedThursday = thursdaySlot with { SlotId = Guid.CreateVersion7() };
        var other = ProviderSpec.Build(Created with { ProviderId = OtherProviderId }, new SlotsOpened(OtherProviderId, [bookedThursday], Now),
            new SlotBooked(OtherProviderId, bookedThursday.SlotId, AppointmentId, Now));
        var mine = ProviderSpec.Build(Created, new SlotsOpened(ProviderId, [First, thursdaySlot], Now));

        var (holiday, removed) = DeclareHolidayDecider.Decide(North, [mine, other], new DeclareHoliday(Thursday, "Founders' day"), Now);

        holiday.Should().Be(new HolidayDeclared(North.ClinicId, Thursday, "Founders' day", Now));
        removed.Should().BeEquivalentTo([new SlotsRemoved(ProviderId, [thursdaySlot.SlotId], "holiday: Founders' day", Now)]);
    }

    [Fact]
    public void GivenHolidayDeclared_WhenTheSameDayIsDeclaredAgain_ThenConflict() =>
        new DecisionOutcome(() => [DeclareHolidayDecider.Decide(North.Apply(new HolidayDeclared(North.ClinicId, Thursday, "x", Now)), [], new DeclareHoliday(Thursday, "y"), Now).Holiday])
            .ThenConflicts();
}
