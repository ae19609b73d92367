using Microsoft.Extensions.Configuration;
using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Tests.Deciders;

public class FeeScheduleTests
{
    private static FeeSchedule Read(params (string Key, string Value)[] settings) => FeeSchedule.FromConfiguration(
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build()
            .GetSection("Billing"));

    [Fact]
    public void GivenConfiguredSchedule_WhenRead_ThenPricesAreExactDecimals()
    {
        var fees = Read(("Billing:Currency", "USD"), ("Billing:FeeSchedule:99213", "90.00"), ("Billing:FeeSchedule:85018", "12.10"));

        fees.Currency.Should().Be("USD");
        fees.Prices.Should().BeEquivalentTo(new Dictionary<string, decimal> { ["99213"] = 90.00m, ["85018"] = 12.10m });
        fees.Price(ChargeSource.Lab, "85018", 3, []).Amount.Should().Be(36.30m);
    }

    [Theory]
    [InlineData("Billing:Currency", "dollars")]
    [InlineData("Billing:FeeSchedule:99213", "ninety")]
    [InlineData("Billing:FeeSchedule:99213", "-1")]
    public void GivenBrokenSchedule_WhenRead_ThenServiceRefusesToStart(string key, string value)
    {
        var settings = new Dictionary<string, string> { ["Billing:Currency"] = "USD", ["Billing:FeeSchedule:99213"] = "90.00", [key] = value };

        var read = () => Read([.. settings.Select(s => (s.Key, s.Value))]);

        read.Should().Throw<InvalidOperationException>();
    }
}
