using FluentAssertions;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Testing;

/// <summary>The Then of a Given/When/Then decider test: the events decided, or the rejection.</summary>
public sealed class DecisionOutcome(Func<IReadOnlyList<object>> act)
{
    public void Then(params object[] expected) =>
        act().Should().BeEquivalentTo(expected, options => options.RespectingRuntimeTypes().WithStrictOrdering());

    public T ThenSingle<T>()
    {
        var events = act();
        events.Should().ContainSingle().Which.Should().BeOfType<T>();
        return (T)events[0];
    }

    public void ThenRejects(string field) =>
        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);

    public void ThenConflicts() => act.Should().Throw<ConflictException>();
}
