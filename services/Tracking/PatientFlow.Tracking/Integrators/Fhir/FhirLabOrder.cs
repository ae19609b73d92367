using Hl7.Fhir.Model;
using PatientFlow.Contracts.Lab.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// One lab order as its events tell it: the tests still wanted (cancelled ones dropped), which have results,
/// and the code the order and its report carry.
/// </summary>
/// <param name="Placed">The order, when tracking has seen it (a result can arrive first).</param>
internal sealed record FhirLabOrder(Guid OrderId, LabOrderPlaced? Placed, IReadOnlyList<IVisitEvent> Events)
{
    public static IReadOnlyList<FhirLabOrder> All(IReadOnlyList<IVisitEvent> events) =>
        [.. events.Select(OrderIdOf).OfType<Guid>().Distinct().Select(orderId => Of(orderId, events))];

    public static FhirLabOrder Of(Guid orderId, IReadOnlyList<IVisitEvent> events)
    {
        var mine = events.Where(e => OrderIdOf(e) == orderId).ToList();
        return new FhirLabOrder(orderId, mine.Latest<LabOrderPlaced>(), mine);
    }

    public IReadOnlySet<string> Cancelled => Events.OfType<LabOrderCancelled>().SelectMany(e => e.TestCodes).ToHashSet();

    public IReadOnlySet<string> Resulted => Events.OfType<LabResultRecorded>().Select(e => e.TestCode).ToHashSet();

    /// <summary>Tests still wanted; once every test is cancelled, what was ordered (a revoked order still says what it was).</summary>
    public IReadOnlyList<OrderedLabTest> Tests
    {
        get
        {
            if (Placed is null)
            {
                return [];
            }

            var live = Placed.Tests.Where(t => !Cancelled.Contains(t.TestCode)).ToList();
            return live.Count > 0 ? live : Placed.Tests;
        }
    }

    public bool Revoked => Placed is not null && Placed.Tests.All(t => Cancelled.Contains(t.TestCode));

    /// <summary>Every test still wanted has a result; without the order, the results are all there is.</summary>
    public bool Complete => !Revoked && Resulted.Count > 0 && Tests.All(t => Resulted.Contains(t.TestCode));

    public string? NameOf(string testCode) => Placed?.Tests.FirstOrDefault(t => t.TestCode == testCode)?.TestName;

    /// <summary>
    /// A single test is the order's code; for several, the words name them all and each test is coded on its own
    /// (ServiceRequest.orderDetail): codings of one concept must mean the same thing, and different tests do not.
    /// </summary>
    public CodeableConcept Code()
    {
        IReadOnlyList<OrderedLabTest> tests = Tests.Count > 0 ? Tests : [.. Resulted.Select(code => new OrderedLabTest(code, code, "", ""))];
        return tests.Count == 1
            ? Terminology.Concept(Terminology.Loinc, tests[0].TestCode, tests[0].TestName, tests[0].TestName)
            : Terminology.Text(string.Join(", ", tests.Select(t => t.TestName)));
    }

    public static Guid? OrderIdOf(IVisitEvent e) => e switch
    {
        LabOrderPlaced placed => placed.OrderId,
        LabOrderCancelled cancelled => cancelled.OrderId,
        SpecimenCollected collected => collected.OrderId,
        SpecimenRejected rejected => rejected.OrderId,
        LabResultRecorded result => result.OrderId,
        LabResultAmended amended => amended.OrderId,
        _ => null,
    };
}
