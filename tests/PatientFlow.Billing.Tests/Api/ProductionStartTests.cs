using Microsoft.AspNetCore.Hosting;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.Billing.Tests.Api;

/// <summary>A service runs the same production guard as the gateway, before it touches its database or broker.</summary>
public class ProductionStartTests
{
    [Theory]
    [InlineData("ConnectionStrings:billing-db", "Host=db;Database=billing;Username=postgres;Password=postgres")]
    [InlineData("ConnectionStrings:rabbitmq", "amqp://guest:guest@rabbitmq:5672/")]
    [InlineData("Durability:AllowUnsafe", "true")]
    public async Task StartBilling_InProductionWithADevelopmentSetting_RefusesNamingIt(string setting, string value)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:billing-db"] = "Host=db;Database=billing;Username=billing;Password=s3cret;SSL Mode=VerifyFull",
            ["ConnectionStrings:rabbitmq"] = "amqps://billing:s3cret@rabbitmq/",
            [setting] = value,
        };
        await using var factory = new BillingFactory().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            foreach (var (key, configured) in settings)
            {
                builder.UseSetting(key, configured);
            }
        });

        var start = () => factory.Server;

        var thrown = start.Should().Throw<Exception>().Which;
        var refused = Chain(thrown).OfType<ProductionSettingsRefusedException>().Should().ContainSingle().Which;
        refused.Refusals.Select(refusal => refusal.Setting).Should().Equal(setting);
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
