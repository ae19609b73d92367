using PatientFlow.Contracts;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Rules;

/// <summary>Given(events arrived so far).When(next event arrives) → the visit's journey, as the projection folds it.</summary>
internal sealed class Journey(IReadOnlyList<IVisitEvent> arrived)
{
    public static Journey Given(params IVisitEvent[] arrived) => new(arrived);

    public VisitJourney When(params IVisitEvent[] next) => Fold([.. arrived, .. next]);

    public static VisitJourney Fold(IEnumerable<IVisitEvent> inArrivalOrder)
    {
        VisitJourney? journey = null;
        foreach (var step in inArrivalOrder.Select(ContractSteps.ToStep))
        {
            journey = journey is null ? VisitJourney.Create(step) : journey.Apply(step);
        }

        return journey ?? throw new ArgumentException("a journey starts with its first event", nameof(inArrivalOrder));
    }
}
