using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.Ordering;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Lab.Tests.Deciders.LabSpec;

namespace PatientFlow.Lab.Tests.Deciders;

public class OrderingTests
{
    [Fact]
    public void GivenKnownVisit_WhenOrderLabTest_ThenRoutineOrderForTheVisitsPatient() =>
        OrderLabTestDecider.Decide(Visit, TestCatalog, new OrderLabTest(VisitId, " 2345-7 "), OrderId, Now)
            .Should().BeEquivalentTo(new object[] { new LabTestOrdered(OrderId, VisitId, PatientId, Glucose, LabPriority.Routine, Now) },
                options => options.RespectingRuntimeTypes());

    [Fact]
    public void GivenKnownVisit_WhenOrderLabTestStat_ThenOrderKeepsPriority() =>
        OrderLabTestDecider.Decide(Visit, TestCatalog, new OrderLabTest(VisitId, "78012-2", LabPriority.Stat), OrderId, Now)
            .Should().ContainSingle().Which.Should().BeOfType<LabTestOrdered>()
            .Which.Should().Match<LabTestOrdered>(o => o.Priority == LabPriority.Stat && o.Test == RapidStrep);

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("1234-5")]
    public void GivenKnownVisit_WhenOrderLabTestOutsideCatalog_ThenTestCodeRejected(string? code)
    {
        var act = () => OrderLabTestDecider.Decide(Visit, TestCatalog, new OrderLabTest(VisitId, code), OrderId, Now);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("testCode");
    }
}
