using Microsoft.Extensions.Configuration;
using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Tests.Deciders;

/// <summary>The shipped configuration: every price code the lab catalog bills under has a price, so no lab charge is unpriced.</summary>
public class ShippedScheduleTests
{
    private static string RepositoryFile(string relative) => PatientFlow.Testing.RepositoryRoot.Combine(relative);

    [Fact]
    public void GivenTheShippedLabCatalogAndFeeSchedule_WhenCompared_ThenEveryLabPriceCodeHasAPrice()
    {
        var lab = new ConfigurationBuilder().AddJsonFile(RepositoryFile("services/Lab/PatientFlow.Lab/appsettings.json")).Build();
        var billing = new ConfigurationBuilder().AddJsonFile(RepositoryFile("services/Billing/PatientFlow.Billing/appsettings.json")).Build();
        var fees = FeeSchedule.FromConfiguration(billing.GetSection("Billing"));

        var priceCodes = lab.GetSection("Lab:Catalog").GetChildren().Select(test => test["BillingCode"]!).ToList();

        priceCodes.Should().NotBeEmpty();
        priceCodes.Should().OnlyContain(code => fees.Prices.ContainsKey(code));
    }
}
