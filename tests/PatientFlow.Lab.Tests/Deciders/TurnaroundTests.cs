using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.GettingDetails;
using PatientFlow.Lab.Orders.Turnaround;

namespace PatientFlow.Lab.Tests.Deciders;

public class TurnaroundTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static LabOrderDetails Order(string code, int? collectedAfter, int? resultedAfter, int? acknowledgedAfter, LabTestStatus status = LabTestStatus.Resulted) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), LabPriority.Routine, LabOrderStatus.Resulted, "dr", Nine,
            [new LabTestDetails(code, code == "2345-7" ? "Glucose" : "Other", "blood", Performed.InHouse, "mg/dL", null, status,
                CollectedAt: Nine.AddMinutes(collectedAfter ?? 0) is var c && collectedAfter is null ? null : c,
                ResultedAt: resultedAfter is null ? null : Nine.AddMinutes(resultedAfter.Value),
                AcknowledgedAt: acknowledgedAfter is null ? null : Nine.AddMinutes(acknowledgedAfter.Value))],
            []);

    [Fact]
    public void GivenFiveGlucoseTests_WhenSummarised_ThenNearestRankPercentilesOfEachStepMatchTheHandWorkedFigures()
    {
        // Ordered→collected: 2, 4, 6, 8, 10 → p50 6 (rank 3), p90 10 (rank 5). Collected→resulted: 10 each.
        // Resulted→acknowledged: 5, 15 (two acknowledged) → p50 5, p90 15. Ordered→resulted: 12, 14, 16, 18, 20.
        LabOrderDetails[] orders =
        [
            Order("2345-7", 2, 12, 17), Order("2345-7", 4, 14, 29), Order("2345-7", 6, 16, null), Order("2345-7", 8, 18, null), Order("2345-7", 10, 20, null),
            Order("2093-3", 60, null, null, LabTestStatus.Collected),
            Order("2345-7", null, null, null, LabTestStatus.Cancelled),
        ];

        var summary = TurnaroundReport.Summarise(orders, "2345-7").Single();

        summary.Should().BeEquivalentTo(new TestTurnaroundSummary(
            "2345-7", "Glucose", 5, 5,
            new StepSummary(5, 6, 10, 10), new StepSummary(5, 10, 10, 10), new StepSummary(2, 5, 15, 15), new StepSummary(5, 16, 20, 20)));
    }

    [Fact]
    public void GivenATestNotYetResulted_WhenSummarised_ThenCountedAsOrderedWithNoResultedSteps()
    {
        var summary = TurnaroundReport.Summarise([Order("2093-3", 60, null, null, LabTestStatus.Collected)], null).Single();

        summary.Ordered.Should().Be(1);
        summary.Resulted.Should().Be(0);
        summary.OrderedToCollected.Should().Be(new StepSummary(1, 60, 60, 60));
        summary.CollectedToResulted.Should().Be(new StepSummary(0, null, null, null));
    }
}
