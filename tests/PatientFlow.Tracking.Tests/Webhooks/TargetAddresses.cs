using System.Net;

namespace PatientFlow.Tracking.Tests.Webhooks;

/// <summary>
/// The addresses a webhook must not reach, generated: one or two in every refused IPv4 range, each also in every
/// IPv6 form that carries an IPv4 address (IPv4-mapped, NAT64, local-use NAT64, 6to4, Teredo, IPv4-compatible),
/// and the IPv6 ranges of their own. The public addresses must stay reachable, in the forms that reach them.
/// </summary>
public static class TargetAddresses
{
    private static readonly string[] RestrictedV4 =
    [
        "0.0.0.0", "0.255.1.2",                 // this network
        "10.0.0.1", "10.255.255.254",           // private
        "100.64.0.1", "100.127.255.254",        // carrier-grade NAT
        "127.0.0.1", "127.1.2.3",               // loopback
        "169.254.169.254",                      // link-local: cloud metadata
        "172.16.0.1", "172.31.255.254",         // private
        "192.0.0.1", "192.0.0.170",             // IETF protocol assignments
        "192.0.2.1", "198.51.100.1", "203.0.113.1", // documentation
        "192.88.99.1",                          // 6to4 relay anycast
        "192.168.1.10",                         // private
        "198.18.0.1", "198.19.255.254",         // benchmarking
        "224.0.0.1", "239.255.255.250",         // multicast
        "240.0.0.1", "255.255.255.255",         // reserved, broadcast
    ];

    private const string PublicV4 = "93.184.216.34";

    private static readonly string[] RestrictedV6Only =
    [
        "::", "::1",                            // unspecified, loopback
        "fe80::1", "fc00::1", "fd12:3456::1",   // link-local, unique-local
        "fec0::1", "ff02::1", "ff0e::1",        // site-local, multicast
        "100::1",                               // discard-only
        "2001:db8::1", "3fff::1",               // documentation
        "2001:2::1",                            // benchmarking
        // The relayed forms of a public address are refused too: a relay decides where they end.
        SixToFour(PublicV4), Teredo(PublicV4), $"::{PublicV4}", $"64:ff9b:1::{PublicV4}",
    ];

    private static readonly string[] Public =
    [
        PublicV4, "172.32.0.1", "100.128.0.1", "198.20.0.1", "192.0.1.1", "192.88.98.1", "223.255.255.254",
        "2606:2800:220:1::1", "2a00:1450:4001:82b::200e", "2001:200::1",
        // The forms that carry an IPv4 address and reach it: IPv4-mapped, and NAT64 from an IPv6-only network.
        $"::ffff:{PublicV4}", $"64:ff9b::{PublicV4}",
    ];

    /// <summary>Every restricted address, each IPv4 one in all its forms.</summary>
    public static IEnumerable<string> Restricted =>
        RestrictedV4.SelectMany(v4 => new[] { v4, $"::ffff:{v4}", $"64:ff9b::{v4}", $"64:ff9b:1::{v4}", SixToFour(v4), Teredo(v4), $"::{v4}" })
            .Concat(RestrictedV6Only)
            .Distinct();

    public static TheoryData<string> RestrictedData => [.. Restricted];

    public static TheoryData<string> PublicData => [.. Public];

    /// <summary>Host part of a URL: IPv6 in brackets.</summary>
    public static string Host(string address) => address.Contains(':') ? $"[{address}]" : address;

    /// <summary>The 6to4 address of a site whose router is <paramref name="v4"/>: 2002:AABB:CCDD::1.</summary>
    private static string SixToFour(string v4)
    {
        var b = IPAddress.Parse(v4).GetAddressBytes();
        return $"2002:{b[0]:x2}{b[1]:x2}:{b[2]:x2}{b[3]:x2}::1";
    }

    /// <summary>A Teredo address of client <paramref name="v4"/> (stored inverted) behind Microsoft's old Teredo server 65.54.227.120.</summary>
    private static string Teredo(string v4)
    {
        var b = IPAddress.Parse(v4).GetAddressBytes().Select(x => (byte)~x).ToArray();
        return $"2001:0:4136:e378:8000:63bf:{b[0]:x2}{b[1]:x2}:{b[2]:x2}{b[3]:x2}";
    }
}
