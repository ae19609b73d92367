using MassTransit;

namespace PatientFlow.Platform.Messaging;

/// <summary>The broker from <c>ConnectionStrings:rabbitmq</c> (amqp://user:pass@host:port/vhost).</summary>
public sealed record RabbitMqEndpoint(Uri Address)
{
    public const string ConnectionName = "rabbitmq";

    public void Configure(IRabbitMqBusFactoryConfigurator configurator)
    {
        var user = Uri.UnescapeDataString(Address.UserInfo.Split(':')[0]);
        var password = Address.UserInfo.Contains(':') ? Uri.UnescapeDataString(Address.UserInfo[(Address.UserInfo.IndexOf(':') + 1)..]) : "";
        var virtualHost = Uri.UnescapeDataString(Address.AbsolutePath.TrimStart('/'));
        configurator.Host(Address.Host, (ushort)(Address.IsDefaultPort ? 5672 : Address.Port), virtualHost.Length == 0 ? "/" : virtualHost, host =>
        {
            if (user.Length > 0)
            {
                host.Username(user);
                host.Password(password);
            }

            host.PublisherConfirmation = true;
        });

        // Integration events are published under their concrete contract type only.
        configurator.Publish<PatientFlow.Contracts.IIntegrationEvent>(p => p.Exclude = true);
        configurator.Publish<PatientFlow.Contracts.IVisitEvent>(p => p.Exclude = true);
    }
}
