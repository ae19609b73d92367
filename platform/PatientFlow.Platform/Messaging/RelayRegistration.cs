using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace PatientFlow.Platform.Messaging;

public static class RelayRegistration
{
    /// <summary>Publishes this service's committed events through <typeparamref name="TMapper"/>.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddIntegrationEventRelay<TMapper>(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
        where TMapper : class, IIntegrationEventMapper
    {
        marten.Services.AddSingleton<IIntegrationEventMapper, TMapper>();
        return marten.AddSubscriptionWithServices<IntegrationEventRelay>(ServiceLifetime.Singleton, _ => { });
    }
}
