using Microsoft.Extensions.Options;
using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Dapr;

public static class DaprRegistration
{
    /// <summary>
    /// The feed on a Dapr pub/sub component: <c>Tracking:Dapr</c> checked at start, and the publisher when
    /// <c>Tracking:Dapr:Enabled</c> is true.
    /// </summary>
    public static IHostApplicationBuilder AddDaprFeed(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<DaprFeedOptions>()
            .Bind(configuration.GetSection(DaprFeedOptions.Section))
            .PostConfigure(options => options.GrpcEndpoint ??= DaprFeedOptions.DefaultEndpoint(configuration))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DaprFeedOptions>>(new SettingsProblems<DaprFeedOptions>(options => options.Problems()));
        if (configuration.GetValue<bool>($"{DaprFeedOptions.Section}:Enabled"))
        {
            builder.Services.AddHostedService<DaprPublisher>();
        }

        return builder;
    }
}
