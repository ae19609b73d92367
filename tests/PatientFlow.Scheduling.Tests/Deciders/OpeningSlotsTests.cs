using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Providers.OpeningSlots;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class OpeningSlotsTests
{
    private static readonly Guid[] Ids = [Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7()];

    [Fact]
    public void GivenProvider_WhenOpenSlots_ThenConsecutiveSlotsOfTheDuration()
    {
        var start = Now.AddDays(1);

        ProviderSpec.Given(Created, Opened).When(new OpenSlots(start, 15, 3), Ids).Then(new SlotsOpened(ProviderId,
            [
                new Slot(Ids[0], start, start.AddMinutes(15)),
                new Slot(Ids[1], start.AddMinutes(15), start.AddMinutes(30)),
                new Slot(Ids[2], start.AddMinutes(30), start.AddMinutes(45)),
            ],
            Now));
    }

    [Fact]
    public void GivenProviderWithSlots_WhenOpenSlotEndingWhereTheFirstBegins_ThenOpened() =>
        ProviderSpec.Given(Created, Opened).When(new OpenSlots(First.StartsAt.AddMinutes(-20), 20, 1), Ids[0])
            .Then(new SlotsOpened(ProviderId, [new Slot(Ids[0], First.StartsAt.AddMinutes(-20), First.StartsAt)], Now));

    [Fact]
    public void GivenProviderWithSlots_WhenOpenOverlappingSlot_ThenConflict() =>
        ProviderSpec.Given(Created, Opened).When(new OpenSlots(First.StartsAt.AddMinutes(10), 20, 1), Ids[0]).ThenConflicts();

    [Fact]
    public void GivenProviderWithSlots_WhenOpenRunWhoseLastSlotOverlaps_ThenConflict() =>
        ProviderSpec.Given(Created, Opened).When(new OpenSlots(First.StartsAt.AddMinutes(-40), 15, 3), Ids).ThenConflicts();

    [Theory]
    [InlineData(4, 1, "durationMinutes")]
    [InlineData(241, 1, "durationMinutes")]
    [InlineData(15, 0, "count")]
    [InlineData(15, 97, "count")]
    public void GivenProvider_WhenOpenSlotsOutOfRange_ThenFieldRejected(int duration, int count, string field) =>
        ProviderSpec.Given(Created, Opened).When(new OpenSlots(Now.AddDays(1), duration, count)).ThenRejects(field);
}
