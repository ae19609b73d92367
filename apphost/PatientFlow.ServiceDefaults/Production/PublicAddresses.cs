using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace PatientFlow.ServiceDefaults.Production;

/// <summary>
/// The addresses a process serves its API on, read as Kestrel reads them: the endpoints under <c>Kestrel:Endpoints</c>
/// when there are any, else <c>urls</c> (ASPNETCORE_URLS), else <c>http_ports</c>/<c>https_ports</c>, else Kestrel's
/// own default. Addresses are Kestrel's own form (<c>http://+:8080</c>, <c>https://*:8443</c>), which <see cref="Uri"/> does not read.
/// </summary>
public static class PublicAddresses
{
    public const string EndpointsSection = "Kestrel:Endpoints";
    public const string DefaultCertificateSection = "Kestrel:Certificates:Default";

    /// <summary>True when Kestrel binds <c>Kestrel:Endpoints</c> itself (it then ignores <c>urls</c>).</summary>
    public static bool FromEndpointsSection(IConfiguration configuration) =>
        configuration.GetSection(EndpointsSection).GetChildren().Any();

    /// <summary>The addresses from <c>urls</c>, the port lists or the default; empty when <c>Kestrel:Endpoints</c> holds them.</summary>
    public static IReadOnlyList<BindingAddress> FromUrls(IConfiguration configuration)
    {
        if (FromEndpointsSection(configuration))
        {
            return [];
        }

        if (Split(configuration["urls"]) is { Length: > 0 } urls)
        {
            return [.. urls.Select(BindingAddress.Parse)];
        }

        BindingAddress[] ports =
        [
            .. Split(configuration["http_ports"]).Select(port => BindingAddress.Parse($"http://*:{port}")),
            .. Split(configuration["https_ports"]).Select(port => BindingAddress.Parse($"https://*:{port}")),
        ];
        return ports.Length > 0 ? ports : [BindingAddress.Parse("http://localhost:5000")];
    }

    /// <summary>Every public address with its certificate setting: <c>Kestrel:Endpoints</c> entries, or <see cref="FromUrls"/>.</summary>
    public static IReadOnlyList<(string Setting, BindingAddress Address, bool HasOwnCertificate)> All(IConfiguration configuration) =>
        FromEndpointsSection(configuration)
            ? [.. configuration.GetSection(EndpointsSection).GetChildren()
                .Where(endpoint => !string.IsNullOrWhiteSpace(endpoint["Url"]))
                .Select(endpoint => ($"{EndpointsSection}:{endpoint.Key}", BindingAddress.Parse(endpoint["Url"]!), IsCertificate(endpoint.GetSection("Certificate"))))]
            : [.. FromUrls(configuration).Select(address => ("urls", address, false))];

    public static bool IsHttps(this BindingAddress address) => string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase);

    /// <summary>A certificate section names a file (<c>Path</c>) or a store certificate (<c>Subject</c>).</summary>
    public static bool IsCertificate(IConfigurationSection section) =>
        !string.IsNullOrWhiteSpace(section["Path"]) || !string.IsNullOrWhiteSpace(section["Subject"]);

    private static string[] Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
