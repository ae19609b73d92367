using MassTransit;

namespace PatientFlow.Platform.Messaging;

/// <summary>The broker from <c>ConnectionStrings:rabbitmq</c> (amqp://user:pass@host:port/vhost, or amqps:// for TLS).</summary>
public sealed record RabbitMqEndpoint(Uri Address)
{
    public const string ConnectionName = "rabbitmq";

    public void Configure(IRabbitMqBusFactoryConfigurator configurator)
    {
        var user = Uri.UnescapeDataString(Address.UserInfo.Split(':')[0]);
        var password = Address.UserInfo.Contains(':') ? Uri.UnescapeDataString(Address.UserInfo[(Address.UserInfo.IndexOf(':') + 1)..]) : "";
        var virtualHost = Uri.UnescapeDataString(Address.AbsolutePath.TrimStart('/'));
        var tls = Address.Scheme == "amqps";
        configurator.Host(Address.Host, (ushort)(Address.IsDefaultPort ? (tls ? 5671 : 5672) : Address.Port), virtualHost.Length == 0 ? "/" : virtualHost, host =>
        {
            if (user.Length > 0)
            {
                host.Username(user);
                host.Password(password);
            }

            if (tls)
            {
                // amqps://: TLS to the broker, whose certificate must name the host.
                host.UseSsl(ssl => ssl.ServerName = Address.Host);
            }

            host.PublisherConfirmation = true;
        });

        // Integration events are published under their concrete contract type only.
        configurator.Publish<PatientFlow.Contracts.IIntegrationEvent>(p => p.Exclude = true);
        configurator.Publish<PatientFlow.Contracts.IVisitEvent>(p => p.Exclude = true);
    }
}
