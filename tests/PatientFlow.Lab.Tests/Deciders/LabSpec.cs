using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Visits;
using PatientFlow.Testing;

namespace PatientFlow.Lab.Tests.Deciders;

/// <summary>Given(events).When(decision).Then(events) over a lab order's decision state.</summary>
internal sealed class LabSpec
{
    public static readonly Guid VisitId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid OrderId = Guid.CreateVersion7();
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 30, 0, TimeSpan.FromHours(-5));
    public static readonly Visit Visit = new(VisitId, PatientId, Guid.CreateVersion7(), "north");

    public static readonly LabTest Glucose = new("2345-7", "Glucose (serum)", ResultKind.Numeric, "mg/dL", 70, 99, 50, 400, null, "82947");
    public static readonly LabTest Cholesterol = new("2093-3", "Cholesterol, total", ResultKind.Numeric, "mg/dL", 0, 199, null, null, null, "82465");
    public static readonly LabTest RapidStrep = new(
        "78012-2", "Rapid strep (Streptococcus pyogenes Ag, throat)", ResultKind.Text, "", null, null, null, null, "negative", "87880");
    public static readonly LabCatalog TestCatalog = new([Glucose, Cholesterol, RapidStrep]);

    private readonly LabOrder? _state;

    private LabSpec(LabOrder? state) => _state = state;

    public static LabTestOrdered Ordered(LabTest test) => new(OrderId, VisitId, PatientId, test, LabPriority.Routine, Now.AddMinutes(-30));

    public static LabSpec Given(params object[] history)
    {
        LabOrder? state = null;
        foreach (var @event in history)
        {
            state = (state, @event) switch
            {
                (null, LabTestOrdered ordered) => LabOrder.Create(ordered),
                ({ } s, LabResultRecorded resulted) => s.Apply(resulted),
                _ => throw new InvalidOperationException($"{@event.GetType().Name} cannot follow {state?.Status.ToString() ?? "nothing"}"),
            };
        }

        return new LabSpec(state);
    }

    public DecisionOutcome When(Func<LabOrder, IReadOnlyList<object>> decide) =>
        new(() => decide(_state ?? throw new InvalidOperationException("no order in the given history")));
}
