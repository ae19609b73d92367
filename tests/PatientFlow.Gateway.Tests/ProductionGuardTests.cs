using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using PatientFlow.Gateway.DevTokens;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.Gateway.Tests;

/// <summary>Production refuses to start with any setting that is only safe on a developer's machine, and says which.</summary>
public class ProductionGuardTests
{
    /// <summary>The key Development falls back to when none is set, as TokenSettings derives it.</summary>
    private static readonly string DevelopmentKey = Convert.ToBase64String(
        TokenSettings.From(new ConfigurationBuilder().Build(), new HostingEnvironment { EnvironmentName = "Development" }).SigningKey.Key);

    /// <summary>Each development setting, with the value that makes it one, and the setting the refusal names.</summary>
    private static readonly (string Key, string Value, string Named)[] Table =
    [
        ("Auth:SigningKey", DevelopmentKey, "Auth:SigningKey"),
        ("Auth:SigningKey", "", "Auth:SigningKey"),
        (DevTokenEndpoints.Setting, "true", DevTokenEndpoints.Setting),
        ("Tracking:Webhooks:AllowPrivateTargets", "true", "Tracking:Webhooks:AllowPrivateTargets"),
        ("Durability:AllowUnsafe", "true", "Durability:AllowUnsafe"),
        ("FORWARDEDHEADERS_ENABLED", "true", "ASPNETCORE_FORWARDEDHEADERS_ENABLED"),
        ("PatientFlow:Clock:Speed", "60", "PatientFlow:Clock"),
        ("Logging:LogLevel:Yarp", "Debug", "Logging:LogLevel:Yarp"),
        ("Logging:LogLevel:Microsoft.AspNetCore", "Debug", "Logging:LogLevel:Microsoft.AspNetCore"),
        ("Logging:Console:LogLevel:Yarp.ReverseProxy.Forwarder", "Trace", "Logging:Console:LogLevel:Yarp.ReverseProxy.Forwarder"),
        ("Logging:LogLevel:Default", "Debug", "Logging:LogLevel:Default"),
        ("urls", "http://127.0.0.1:0", "urls"),
        ("Kestrel:Certificates:Default:Path", "", "Kestrel:Certificates:Default"),
        ("Grpc:Url", "http://127.0.0.1:0", "Grpc:Url"),
        ("ConnectionStrings:rabbitmq", "amqp://guest:guest@rabbitmq:5672/", "ConnectionStrings:rabbitmq"),
        ("ConnectionStrings:rabbitmq", "amqp://rabbitmq:5672/", "ConnectionStrings:rabbitmq"),
        ("ConnectionStrings:billing-db", "Host=db;Database=billing;Username=postgres;Password=postgres", "ConnectionStrings:billing-db"),
    ];

    public static TheoryData<string, string, string> DevelopmentSettings()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (key, value, named) in Table)
        {
            data.Add(key, value, named);
        }

        return data;
    }

    public static TheoryData<string, string> DevelopmentValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var (key, value, _) in Table)
        {
            data.Add(key, value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DevelopmentSettings))]
    public void StartGateway_InProductionWithADevelopmentSetting_RefusesNamingIt(string key, string value, string named)
    {
        using var factory = GatewayFactory.Production(new Dictionary<string, Uri>(), new Dictionary<string, string> { [key] = value });

        var start = () => factory.Server;

        var refused = RefusalIn(start.Should().Throw<Exception>().Which);
        refused.Refusals.Select(refusal => refusal.Setting).Should().Equal(named);
        refused.Message.Should().Contain(named);
    }

    [Fact]
    public void StartGateway_InProductionWithTheProductionProfile_Starts()
    {
        using var factory = GatewayFactory.Production(new Dictionary<string, Uri>());

        var start = () => factory.Server;

        start.Should().NotThrow();
    }

    [Theory]
    [MemberData(nameof(DevelopmentValues))]
    public void StartGateway_InDevelopmentWithTheSameSetting_Starts(string key, string value)
    {
        // A half-set simulated clock is refused in any environment, by the clock itself.
        var settings = key == "PatientFlow:Clock:Speed"
            ? new Dictionary<string, string> { [key] = value, ["PatientFlow:Clock:Origin"] = "2026-11-23T13:30:00Z", ["PatientFlow:Clock:Anchor"] = "2026-11-23T13:30:00Z" }
            : new Dictionary<string, string> { [key] = value };
        using var factory = new GatewayFactory(new Dictionary<string, Uri>(), settings: settings);

        var start = () => factory.Server;

        start.Should().NotThrow();
    }

    [Fact]
    public void Refusals_ServiceOnPlainHttp_NoneSinceOnlyTheGatewayTerminatesTls()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()),
            ["urls"] = "http://0.0.0.0:8080",
            ["Grpc:Url"] = "http://0.0.0.0:8081",
            ["ConnectionStrings:scheduling-db"] = "Host=db;Database=scheduling;Username=scheduling;Password=s3cret;SSL Mode=VerifyFull",
            ["ConnectionStrings:rabbitmq"] = "amqps://scheduling:s3cret@rabbitmq/",
        }).Build();

        ProductionGuard.Refusals(configuration, ProcessKind.Service).Should().BeEmpty();
        ProductionGuard.Refusals(configuration, ProcessKind.Gateway).Select(r => r.Setting).Should().BeEquivalentTo(
            ["urls", "Grpc:Url"]);
    }

    [Theory]
    [InlineData("urls", "https://+:8443;http://+:8080")]
    [InlineData("urls", "https://*:8443")]
    [InlineData("https_ports", "8443")]
    [InlineData("Kestrel:Endpoints:Https:Url", "https://0.0.0.0:8443")]
    public void Refusals_GatewayOnHttpsAnyAddressWithCertificate_None(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()),
            ["Kestrel:Certificates:Default:Path"] = "/etc/patientflow/tls/tls.crt",
            ["Kestrel:Certificates:Default:KeyPath"] = "/etc/patientflow/tls/tls.key",
            [key] = value,
        }).Build();

        ProductionGuard.Refusals(configuration, ProcessKind.Gateway).Should().BeEmpty();
    }

    private static ProductionSettingsRefusedException RefusalIn(Exception thrown)
    {
        for (Exception? exception = thrown; exception is not null; exception = exception.InnerException)
        {
            if (exception is ProductionSettingsRefusedException refused)
            {
                return refused;
            }
        }

        throw new InvalidOperationException($"The start failed, but not on a refused setting: {thrown}");
    }
}
