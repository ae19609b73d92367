using Microsoft.Extensions.Configuration;
using PatientFlow.Lab.Catalog;

namespace PatientFlow.Lab.Tests.Deciders;

public class CatalogTests
{
    private static LabCatalog Load(params (string Key, string Value)[] settings) => LabCatalog.FromConfiguration(
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Lab:Catalog:{s.Key}", s.Value)))
            .Build()
            .GetSection("Lab:Catalog"));

    [Fact]
    public void GivenNumericAndTextEntries_WhenLoaded_ThenTestsKeyedByLoinc()
    {
        var catalog = Load(
            ("6301-6:Name", "INR"), ("6301-6:Kind", "numeric"), ("6301-6:Unit", "{INR}"), ("6301-6:ReferenceLow", "0.8"),
            ("6301-6:ReferenceHigh", "1.2"), ("6301-6:CriticalHigh", "5.0"), ("6301-6:BillingCode", "85610"),
            ("78012-2:Name", "Rapid strep"), ("78012-2:Kind", "text"), ("78012-2:NormalText", "negative"), ("78012-2:BillingCode", "87880"));

        catalog.Find("6301-6").Should().Be(new LabTest("6301-6", "INR", ResultKind.Numeric, "{INR}", 0.8m, 1.2m, null, 5.0m, null, "85610"));
        catalog.Find("78012-2").Should().Be(
            new LabTest("78012-2", "Rapid strep", ResultKind.Text, "", null, null, null, null, "negative", "87880"));
        catalog.Find("6301-6")!.Flag(5.1m).Should().Be("HH");
        catalog.Find("6301-6")!.Flag(0.1m).Should().Be("L");
    }

    [Fact]
    public void GivenCriticalLimitInsideReferenceRange_WhenLoaded_ThenRefusedAtStart()
    {
        var act = () => Load(
            ("2345-7:Name", "Glucose"), ("2345-7:Kind", "numeric"), ("2345-7:Unit", "mg/dL"), ("2345-7:ReferenceLow", "70"),
            ("2345-7:ReferenceHigh", "99"), ("2345-7:CriticalLow", "80"), ("2345-7:BillingCode", "82947"));

        act.Should().Throw<InvalidOperationException>().WithMessage("*2345-7*critical*");
    }

    [Fact]
    public void GivenNumericEntryWithoutUnit_WhenLoaded_ThenRefusedAtStart()
    {
        var act = () => Load(
            ("2345-7:Name", "Glucose"), ("2345-7:Kind", "numeric"), ("2345-7:ReferenceLow", "70"), ("2345-7:ReferenceHigh", "99"),
            ("2345-7:BillingCode", "82947"));

        act.Should().Throw<InvalidOperationException>().WithMessage("*2345-7:Unit*");
    }
}
