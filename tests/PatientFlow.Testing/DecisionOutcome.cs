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

    /// <summary>Decided without rejection, with exactly one event of type <typeparamref name="T"/> among them.</summary>
    public T ThenSingleOfType<T>() => act().OfType<T>().Should().ContainSingle().Subject;

    public void ThenRejects(string field) =>
        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);

    public void ThenConflicts() => act.Should().Throw<ConflictException>();

    /// <summary>409 naming what is in the way (<c>conflict</c> in the problem details): provider, patient, room...</summary>
    public void ThenConflictsOn(string kind, Guid? conflictingId = null)
    {
        var conflict = act.Should().Throw<ConflictException>().Which;
        conflict.Kind.Should().Be(kind, conflict.Message);
        if (conflictingId is not null)
        {
            conflict.ConflictingId.Should().Be(conflictingId);
        }
    }

    public void ThenNotFound() => act.Should().Throw<NotFoundException>();
}
