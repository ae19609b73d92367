using System.Net;
using System.Net.Sockets;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// Keeps webhook deliveries out of networks they must not reach. Checked when a subscription is registered (the
/// URL's host, resolved) and again on every connection, against the addresses actually dialled, so a name that
/// later resolves somewhere private (DNS rebinding) is refused too.
/// </summary>
/// <remarks>
/// Deliveries never go through an HTTP proxy: through one, the connection is to the proxy and the proxy resolves the
/// target itself, so nothing checked here would hold. The delivery client ignores HTTP_PROXY, HTTPS_PROXY and
/// ALL_PROXY (<see cref="WebhookSender.Configure"/>), and a connection that is to a proxy anyway is refused.
/// </remarks>
public static class TargetGuard
{
    /// <summary>IPv4 ranges that are not the public internet.</summary>
    private static readonly IPNetwork[] RestrictedV4 = [.. new[]
    {
        "0.0.0.0/8",       // "this network", 0.0.0.0
        "10.0.0.0/8",      // private
        "100.64.0.0/10",   // carrier-grade NAT
        "127.0.0.0/8",     // loopback
        "169.254.0.0/16",  // link-local: cloud metadata lives at 169.254.169.254
        "172.16.0.0/12",   // private
        "192.0.0.0/24",    // IETF protocol assignments (NAT64 discovery, DS-Lite)
        "192.0.2.0/24",    // documentation
        "192.88.99.0/24",  // 6to4 relay anycast
        "192.168.0.0/16",  // private
        "198.18.0.0/15",   // benchmarking: lab networks
        "198.51.100.0/24", // documentation
        "203.0.113.0/24",  // documentation
        "224.0.0.0/4",     // multicast
        "240.0.0.0/4",     // reserved, and the broadcast address
    }.Select(IPNetwork.Parse)];

    /// <summary>
    /// The IPv6 addresses that may be reached: global unicast. Everything else is unspecified, loopback, IPv4-compatible
    /// (<c>::/96</c>), local-use NAT64 (<c>64:ff9b:1::/48</c>), discard-only, unique-local, link-local, site-local or multicast.
    /// </summary>
    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");

    /// <summary>Parts of global unicast that are no receiver's address, or that carry the packet to an IPv4 address through a relay.</summary>
    private static readonly IPNetwork[] RestrictedV6 = [.. new[]
    {
        "2001::/23",      // IETF protocol assignments: Teredo (2001::/32), benchmarking, ORCHID
        "2001:db8::/32",  // documentation
        "2002::/16",      // 6to4
        "3fff::/20",      // documentation
    }.Select(IPNetwork.Parse)];

    /// <summary>The well-known NAT64 prefix: its addresses end in the IPv4 address they reach.</summary>
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>
    /// Whether a delivery must not go to <paramref name="address"/>. An IPv4-mapped address is checked as its IPv4
    /// address; so is a NAT64 one (<c>64:ff9b::/96</c>), how an IPv6-only network reaches the IPv4 internet. 6to4 and
    /// Teredo addresses are refused whole rather than by the IPv4 address they embed: a packet to one leaves through a
    /// relay towards that IPv4 address, public or not, and no receiver needs them.
    /// </summary>
    public static bool IsRestricted(IPAddress address)
    {
        // First, and by hand: IPNetwork.Contains compares an IPv4-mapped address as IPv4 even against an IPv6 network
        // (dotnet/runtime#131861), so ::ffff:10.0.0.1 would be "in" 2000::/3.
        if (address.IsIPv4MappedToIPv6)
        {
            return IsRestricted(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return RestrictedV4.Any(range => range.Contains(address));
        }

        if (Nat64.Contains(address))
        {
            return IsRestricted(new IPAddress(address.GetAddressBytes()[12..]));
        }

        return !GlobalUnicast.Contains(address) || RestrictedV6.Any(range => range.Contains(address));
    }

    /// <summary>Why <paramref name="url"/> may not be a webhook target, or null when it may.</summary>
    public static async Task<string?> ProblemWithAsync(Uri url, TargetPolicy policy, CancellationToken ct)
    {
        if (url.Scheme != Uri.UriSchemeHttps && !(policy.AllowHttp && url.Scheme == Uri.UriSchemeHttp))
        {
            return policy.AllowHttp ? "must be an http or https URL" : "must be an https URL; plain http is accepted in development only";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "must not carry credentials; the signature authenticates deliveries";
        }

        if (policy.AllowPrivate)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"host {url.Host} does not resolve";
        }

        return addresses.Length == 0 || addresses.Any(IsRestricted)
            ? $"host {url.Host} is a loopback, private, link-local or reserved address; deliveries there are refused"
            : null;
    }

    /// <summary>Connects only to allowed targets, and only directly: the last word, at the moment of connecting.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(Func<TargetPolicy> policy) => async (context, ct) =>
    {
        var request = context.InitialRequestMessage;
        var endpoint = context.DnsEndPoint;
        // Through a proxy the connection is to the proxy (for https, to open a CONNECT tunnel), not to the request's host.
        if (request.Method == HttpMethod.Connect || request.RequestUri is not { } target
            || !string.Equals(target.IdnHost, endpoint.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) || target.Port != endpoint.Port)
        {
            throw new HttpRequestException($"webhook deliveries do not go through a proxy; refused to connect to {endpoint.Host}:{endpoint.Port}");
        }

        var rules = policy();
        if (target.Scheme != Uri.UriSchemeHttps && !rules.AllowHttp)
        {
            throw new HttpRequestException($"webhook target {target.Host} is plain http, refused outside development");
        }

        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = addresses.Where(address => rules.AllowPrivate || !IsRestricted(address)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"webhook target {endpoint.Host} resolves only to restricted addresses");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };
}

/// <summary>
/// What webhooks may reach in this environment. Plain http and private targets are for development only (a receiver
/// on the developer's machine); elsewhere neither is, whatever the settings say.
/// </summary>
public sealed record TargetPolicy(bool AllowHttp, bool AllowPrivate)
{
    public static TargetPolicy For(IHostEnvironment environment, WebhookOptions options) =>
        new(environment.IsDevelopment(), environment.IsDevelopment() && options.AllowPrivateTargets);
}
