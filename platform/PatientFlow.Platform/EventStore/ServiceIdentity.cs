using Microsoft.Extensions.Configuration;

namespace PatientFlow.Platform.EventStore;

/// <summary>Which service this process is (<c>scheduling</c>...) and which instance of it, for logs, metrics and operations routes.</summary>
public sealed record ServiceIdentity(string Service, string Instance)
{
    /// <summary>
    /// The instance is <c>PatientFlow:Instance</c> when set, else the OpenTelemetry <c>service.instance.id</c> the
    /// orchestrator gives each replica (Aspire sets it in OTEL_RESOURCE_ATTRIBUTES), else the service's name.
    /// </summary>
    public static ServiceIdentity From(IConfiguration configuration, string service)
    {
        var instance = configuration["PatientFlow:Instance"] ?? (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "")
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(attribute => attribute.Split('=', 2))
            .Where(pair => pair is ["service.instance.id", { Length: > 0 }])
            .Select(pair => pair[1])
            .FirstOrDefault();
        return new ServiceIdentity(service, instance is null ? service : instance.StartsWith(service, StringComparison.Ordinal) ? instance : $"{service}-{instance}");
    }
}
