using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.Events;

namespace PatientFlow.Testing;

/// <summary>
/// Given(events).When(decision).Then(events) over an aggregate's state, folded as Marten folds it: a static
/// <c>Create(event)</c> starts it, an <c>Apply(event)</c> (or <c>Apply(IEvent&lt;event&gt;)</c>, for a state that keeps
/// event ids) moves it on, and an event it has no method for leaves it as it is. A service's spec adds its fixtures and
/// its own <c>When</c>s as extensions of this one.
/// </summary>
public sealed class Spec<TState> where TState : class
{
    private static readonly ConcurrentDictionary<Type, Func<TState?, object, TState?>> Steps = new();

    private Spec(TState? state) => Current = state;

    /// <summary>The state the history leaves, or null when it started nothing.</summary>
    public TState? Current { get; }

    public TState State => Current ?? throw new InvalidOperationException($"the given history starts no {typeof(TState).Name}");

    public static Spec<TState> Given(params object[] history) => new(Fold(null, history));

    public DecisionOutcome When(Func<TState, IReadOnlyList<object>> decide) => new(() => decide(State));

    /// <summary>For a decision that also runs on no history at all (opening, the first event of a stream).</summary>
    public DecisionOutcome WhenMaybe(Func<TState?, IReadOnlyList<object>> decide) => new(() => decide(Current));

    public static TState? Fold(TState? state, IEnumerable<object> history)
    {
        foreach (var @event in history)
        {
            state = Steps.GetOrAdd(@event is IEvent wrapped ? wrapped.EventType : @event.GetType(), StepFor)(state, @event);
        }

        return state;
    }

    private static Func<TState?, object, TState?> StepFor(Type eventType)
    {
        const BindingFlags Public = BindingFlags.Public;
        var wrapper = typeof(IEvent<>).MakeGenericType(eventType);
        var create = typeof(TState).GetMethod("Create", Public | BindingFlags.Static, [eventType]);
        var applyData = typeof(TState).GetMethod("Apply", Public | BindingFlags.Instance, [eventType]);
        var applyEvent = typeof(TState).GetMethod("Apply", Public | BindingFlags.Instance, [wrapper]);
        return (state, @event) =>
        {
            var data = @event is IEvent e ? e.Data : @event;
            if (state is null)
            {
                return create is null
                    ? throw new InvalidOperationException($"{eventType.Name} cannot start a {typeof(TState).Name}")
                    : (TState?)create.Invoke(null, [data]);
            }

            if (applyEvent is not null)
            {
                return (TState?)applyEvent.Invoke(state, [Committed(@event, eventType)]);
            }

            return applyData is null ? state : (TState?)applyData.Invoke(state, [data]);
        };
    }

    // An event given bare gets the envelope (and an id) Marten would give it on commit.
    private static IEvent Committed(object @event, Type eventType)
    {
        var committed = @event as IEvent ?? (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(eventType), @event)!;
        if (committed.Id == Guid.Empty)
        {
            committed.Id = Guid.CreateVersion7();
        }

        return committed;
    }
}
