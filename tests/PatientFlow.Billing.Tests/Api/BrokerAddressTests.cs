using System.Text.Json;
using MassTransit;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Billing.Tests.Api;

/// <summary>The broker's address decides TLS: amqps:// is TLS on 5671 (or the port given), checked against the host name.</summary>
public class BrokerAddressTests
{
    [Theory]
    [InlineData("amqps://billing:s3cret@rabbitmq.example/patientflow", true, 5671)]
    [InlineData("amqps://billing:s3cret@rabbitmq.example:5999/patientflow", true, 5999)]
    [InlineData("amqp://billing:s3cret@rabbitmq.example/patientflow", false, 5672)]
    public void ConfigureBus_FromTheConnectionString_TlsAsTheSchemeSays(string connectionString, bool tls, int port)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => new RabbitMqEndpoint(new Uri(connectionString)).Configure(rabbit));

        // MassTransit's probe describes the host it would connect to, without connecting.
        var host = JsonSerializer.SerializeToElement(bus.GetProbeResult().Results).GetProperty("bus").GetProperty("host");
        host.GetProperty("ssl").GetBoolean().Should().Be(tls);
        host.GetProperty("port").GetInt32().Should().Be(port);
        if (tls)
        {
            host.GetProperty("sslServerName").GetString().Should().Be("rabbitmq.example");
        }
    }
}
