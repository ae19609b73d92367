using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.ServiceDefaults.Production;

/// <summary>A setting Production will not start with, and why.</summary>
public sealed record Refusal(string Setting, string Reason)
{
    public override string ToString() => $"{Setting}: {Reason}";
}

/// <summary>Production was started with development settings; the message names each one.</summary>
public sealed class ProductionSettingsRefusedException(IReadOnlyList<Refusal> refusals)
    : InvalidOperationException("Production refuses to start with development settings:" + string.Concat(refusals.Select(r => $"{Environment.NewLine}  {r}")))
{
    public IReadOnlyList<Refusal> Refusals { get; } = refusals;
}

/// <summary>
/// The one list of settings that are fine on a developer's machine and unsafe with patients' data. Every service and the
/// gateway run it first thing (<see cref="Extensions.AddServiceDefaults"/>); in Production a start with any of them fails,
/// naming each setting. docs/production.md lists them for operators.
/// </summary>
public static partial class ProductionGuard
{
    /// <summary>Passwords the servers ship with or every tutorial uses.</summary>
    private static readonly HashSet<string> DefaultPasswords = new(StringComparer.OrdinalIgnoreCase) { "postgres", "guest", "password" };

    public static void Enforce(IConfiguration configuration, IHostEnvironment environment, ProcessKind kind)
    {
        if (environment.IsProduction() && Refusals(configuration, kind) is { Count: > 0 } refusals)
        {
            throw new ProductionSettingsRefusedException(refusals);
        }
    }

    public static IReadOnlyList<Refusal> Refusals(IConfiguration configuration, ProcessKind kind) =>
    [
        .. SigningKey(configuration),
        .. Switches(configuration),
        .. VerboseLogging(configuration),
        .. DefaultCredentials(configuration),
        .. kind == ProcessKind.Gateway ? PlainHttp(configuration) : [],
    ];

    private static IEnumerable<Refusal> SigningKey(IConfiguration configuration)
    {
        const string setting = "Auth:SigningKey";
        var configured = configuration[setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            yield return new(setting, "is not set; Production never falls back to the development signing key.");
        }
        else if (IsBase64(configured, out var key) && key.AsSpan().SequenceEqual(TokenSettings.DevelopmentSigningKey()))
        {
            yield return new(setting, "is the development signing key, which anyone can derive from the source: anyone could sign tokens.");
        }
    }

    // Switches other parts of the platform read; named here as strings because ServiceDefaults references none of them.
    private static IEnumerable<Refusal> Switches(IConfiguration configuration)
    {
        if (configuration.GetValue<bool>("Gateway:DevTokens"))
        {
            yield return new("Gateway:DevTokens", "maps /dev/token, which hands a token for any role to anyone who asks.");
        }

        if (configuration.GetValue<bool>("Tracking:Webhooks:AllowPrivateTargets"))
        {
            yield return new("Tracking:Webhooks:AllowPrivateTargets", "lets an integrator's webhook reach loopback and private addresses inside the cluster.");
        }

        // ASP.NET Core's own switch (ASPNETCORE_FORWARDEDHEADERS_ENABLED) believes X-Forwarded-For from every sender.
        if (configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED"))
        {
            yield return new("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "believes X-Forwarded-For from any sender, so a client picks the address it is rate-limited and audited under; list the balancers in Network:TrustedProxies instead.");
        }

        if (configuration.GetValue<bool>("Durability:AllowUnsafe"))
        {
            yield return new("Durability:AllowUnsafe", "runs on a PostgreSQL that may lose committed events in a crash (benchmarks only).");
        }

        if (configuration.GetSection("PatientFlow:Clock").GetChildren().Any())
        {
            yield return new("PatientFlow:Clock", "is the simulated clinic clock: every time recorded would be simulated time.");
        }
    }

    // Request logging at Debug or Trace writes paths and query strings (ids, search terms) for every call.
    private static IEnumerable<Refusal> VerboseLogging(IConfiguration configuration) =>
        configuration.GetSection("Logging").AsEnumerable()
            .Where(pair => pair.Value is not null && LogLevelKey().Match(pair.Key) is { Success: true } match && IsRequestCategory(match.Groups["category"].Value))
            .Where(pair => Enum.TryParse<LogLevel>(pair.Value, ignoreCase: true, out var level) && level < LogLevel.Information)
            .Select(pair => new Refusal(pair.Key, $"is {pair.Value}: verbose proxy and request logs carry paths and query strings; use Information or above."));

    private static bool IsRequestCategory(string category) =>
        category.Equals("Default", StringComparison.OrdinalIgnoreCase)
        || category.StartsWith("Yarp", StringComparison.OrdinalIgnoreCase)
        || category.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^Logging(:[^:]+)?:LogLevel:(?<category>[^:]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LogLevelKey();

    private static IEnumerable<Refusal> DefaultCredentials(IConfiguration configuration)
    {
        foreach (var connection in configuration.GetSection("ConnectionStrings").GetChildren())
        {
            if (string.IsNullOrWhiteSpace(connection.Value))
            {
                continue;
            }

            var setting = $"ConnectionStrings:{connection.Key}";
            if (Uri.TryCreate(connection.Value, UriKind.Absolute, out var uri) && connection.Value.Contains("://", StringComparison.Ordinal))
            {
                var (user, password) = Credentials(uri);
                if (uri.Scheme is "amqp" or "amqps" && user.Length == 0)
                {
                    yield return new(setting, "names no user, so the broker's default guest/guest would be used.");
                }
                else if (DefaultPasswords.Contains(password))
                {
                    yield return new(setting, $"uses the default password '{password}'.");
                }
            }
            else if (PostgresPassword(connection.Value) is { } password && DefaultPasswords.Contains(password))
            {
                yield return new(setting, $"uses the default password '{password}'.");
            }
        }
    }

    private static (string User, string Password) Credentials(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    private static string? PostgresPassword(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // Browsers and integrators reach the gateway: it serves HTTPS with a certificate, its gRPC port too.
    private static IEnumerable<Refusal> PlainHttp(IConfiguration configuration)
    {
        var addresses = PublicAddresses.All(configuration);
        var https = addresses.Where(address => address.Address.IsHttps()).ToList();
        var defaultCertificate = PublicAddresses.IsCertificate(configuration.GetSection(PublicAddresses.DefaultCertificateSection));
        if (https.Count == 0)
        {
            var setting = PublicAddresses.FromEndpointsSection(configuration) ? PublicAddresses.EndpointsSection : "urls";
            yield return new(setting, "has no https:// address: the gateway would serve patients' data over plain HTTP (plain HTTP may stay beside HTTPS, where it only redirects).");
        }

        foreach (var address in https.Where(address => !address.HasOwnCertificate && !defaultCertificate))
        {
            yield return new(PublicAddresses.DefaultCertificateSection,
                $"is not set (Path and KeyPath or Password, or Subject and Store), and {address.Setting} ({address.Address}) names no certificate of its own.");
        }

        if (configuration["Grpc:Url"] is { Length: > 0 } grpc && !BindingAddress.Parse(grpc).IsHttps())
        {
            yield return new("Grpc:Url", "is plain HTTP/2: the integrators' feed leaves the cluster from here; give it an https:// address.");
        }
    }

    private static bool IsBase64(string value, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(value);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
