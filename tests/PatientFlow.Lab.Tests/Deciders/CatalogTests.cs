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

    private static (string, string)[] Inr(params (string, string)[] overrides) =>
    [
        .. new[]
        {
            ("6301-6:Name", "INR"), ("6301-6:Kind", "numeric"), ("6301-6:Unit", "{INR}"), ("6301-6:Specimen", "blood"), ("6301-6:Performed", "in-house"),
            ("6301-6:Turnaround", "00:10:00"), ("6301-6:ReferenceLow", "0.8"), ("6301-6:ReferenceHigh", "1.2"), ("6301-6:CriticalHigh", "5.0"),
            ("6301-6:BillingCode", "85610"),
        }.Where(s => overrides.All(o => o.Item1 != s.Item1)),
        .. overrides.Where(o => o.Item2 != ""),
    ];

    [Fact]
    public void GivenNumericAndTextEntries_WhenLoaded_ThenTestsKeyedByLoincWithSpecimenPlaceAndTurnaround()
    {
        var catalog = Load([.. Inr(),
            ("78012-2:Name", "Rapid strep"), ("78012-2:Kind", "text"), ("78012-2:Specimen", "swab"), ("78012-2:Performed", "in-house"),
            ("78012-2:Turnaround", "00:15:00"), ("78012-2:NormalText", "negative"), ("78012-2:BillingCode", "87880")]);

        catalog.Find("6301-6").Should().Be(new LabTest(
            "6301-6", "INR", ResultKind.Numeric, "{INR}", "blood", Performed.InHouse, TimeSpan.FromMinutes(10), [new ReferenceRange(0.8m, 1.2m)],
            null, 5.0m, null, "85610"));
        catalog.Find("78012-2").Should().Be(new LabTest(
            "78012-2", "Rapid strep", ResultKind.Text, "", "swab", Performed.InHouse, TimeSpan.FromMinutes(15), [], null, null, "negative", "87880"));
        catalog.Find("6301-6")!.Flag(5.1m, new ReferenceRange(0.8m, 1.2m)).Should().Be("HH");
    }

    [Fact]
    public void GivenRangesBySexAndAgeBand_WhenLoaded_ThenTheGeneralRangeComesFirstAndEachSpecificRangeIsKept()
    {
        var catalog = Load([.. Inr(),
            ("6301-6:ReferenceRanges:0:Sex", "female"), ("6301-6:ReferenceRanges:0:MinAge", "18"), ("6301-6:ReferenceRanges:0:Low", "0.9"),
            ("6301-6:ReferenceRanges:0:High", "1.1"), ("6301-6:ReferenceRanges:1:MaxAge", "18"), ("6301-6:ReferenceRanges:1:Low", "0.85"),
            ("6301-6:ReferenceRanges:1:High", "1.15")]);

        var inr = catalog.Find("6301-6")!;
        inr.ReferenceRanges.Should().Equal(
            new ReferenceRange(0.8m, 1.2m), new ReferenceRange(0.9m, 1.1m, PatientSex.Female, 18), new ReferenceRange(0.85m, 1.15m, null, null, 18));
        inr.RangeDependsOnPatient.Should().BeTrue();
        inr.RangeFor(PatientSex.Female, 30).Should().Be(new ReferenceRange(0.9m, 1.1m, PatientSex.Female, 18));
        inr.RangeFor(PatientSex.Female, 10).Should().Be(new ReferenceRange(0.85m, 1.15m, null, null, 18));
        inr.RangeFor(PatientSex.Male, 30).Should().Be(new ReferenceRange(0.8m, 1.2m));
    }

    [Theory]
    [InlineData("6301-6:CriticalHigh", "1.1", "*critical*")]
    [InlineData("6301-6:Unit", "", "*6301-6:Unit*")]
    [InlineData("6301-6:Specimen", "", "*6301-6:Specimen*")]
    [InlineData("6301-6:Performed", "on-site", "*Performed*")]
    [InlineData("6301-6:Turnaround", "soon", "*Turnaround*")]
    [InlineData("6301-6:ReferenceLow", "", "*ReferenceLow*")]
    [InlineData("6301-6:ReferenceRanges:0:Sex", "female", "*Low*")]
    [InlineData("6301-6:ReferenceRanges:0:Low", "0.9", "*ReferenceRanges:0*neither*")]
    public void GivenABrokenEntry_WhenLoaded_ThenRefusedAtStartNamingIt(string key, string value, string message)
    {
        var act = () => Load(Inr((key, value)));

        act.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Fact]
    public void GivenAKeyThatIsNotLoinc_WhenLoaded_ThenRefused()
    {
        var act = () => Load(("glucose:Name", "Glucose"));

        act.Should().Throw<InvalidOperationException>().WithMessage("*glucose*LOINC*");
    }

    [Fact]
    public void GivenASpecificRangeWithACriticalLimitInside_WhenLoaded_ThenRefused()
    {
        var act = () => Load([.. Inr(), ("6301-6:ReferenceRanges:0:Sex", "male"), ("6301-6:ReferenceRanges:0:Low", "0.9"), ("6301-6:ReferenceRanges:0:High", "5.5")]);

        act.Should().Throw<InvalidOperationException>().WithMessage("*critical*0.9-5.5*");
    }
}
