using Marten;
using Microsoft.Extensions.Options;
using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Hl7;

public static class Hl7Registration
{
    /// <summary>
    /// The HL7 v2 feed: <c>Tracking:Hl7</c> checked at start, the refusal log and status documents, and the sender
    /// when an interface is configured. The deliveries API works either way (it says the sender is not configured).
    /// </summary>
    public static IHostApplicationBuilder AddHl7Feed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<Hl7FeedOptions>().Bind(builder.Configuration.GetSection(Hl7FeedOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<Hl7FeedOptions>>(new SettingsProblems<Hl7FeedOptions>(options => options.Problems()));
        builder.Services.ConfigureMarten(options =>
        {
            options.Schema.For<Hl7Delivery>().Identity(delivery => delivery.EventId).Index(delivery => delivery.At);
            options.Schema.For<Hl7SenderStatus>();
        });
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{Hl7FeedOptions.Section}:Host"]))
        {
            builder.Services.AddHostedService<Hl7Sender>();
        }

        return builder;
    }
}
