using System.Net;
using System.Net.Sockets;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// Keeps webhook deliveries out of networks they must not reach: loopback, private (RFC 1918, unique-local IPv6),
/// link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT, unspecified and multicast addresses.
/// Checked when a subscription is registered and again on every connection, against the address actually dialled,
/// so a name that later resolves somewhere private (DNS rebinding) is refused too.
/// </summary>
public static class TargetGuard
{
    public static bool IsRestricted(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || b[0] == 0
            || b[0] >= 224;
    }

    /// <summary>Why <paramref name="url"/> may not be a webhook target, or null when it may.</summary>
    public static async Task<string?> ProblemWithAsync(Uri url, bool allowPrivate, CancellationToken ct)
    {
        if (url.Scheme is not ("https" or "http"))
        {
            return "must be an http or https URL";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "must not carry credentials; the signature authenticates deliveries";
        }

        if (allowPrivate)
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
            ? $"host {url.Host} is a loopback, private or link-local address; deliveries there are refused unless {WebhookOptions.Section}:AllowPrivateTargets is set"
            : null;
    }

    /// <summary>Connects only to addresses that are allowed: the last word, at the moment of connecting.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(Func<bool> allowPrivate) => async (context, ct) =>
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(address => allowPrivate() || !IsRestricted(address)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"webhook target {host} resolves only to restricted addresses");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };
}
