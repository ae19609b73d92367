namespace PatientFlow.EndToEnd.Tests.Fuzzing;

/// <summary>The values a fuzzed request is made of. Strings are as sent: JSON text for bodies, percent-encoded for paths and queries.</summary>
internal static class Attacks
{
    public static readonly string[] MalformedJson =
    [
        "{", "{\"a\":", "{\"a\":1,}", "{'a':1}", "{a:1}", "[1,2", "nul", "tru", "\"abc", "{\"a\":1}}", "{\"a\":1} x", "}", "{\"a\" 1}",
        "{\"a\":01}", "{\"a\":.5}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "/* c */ {}",
        "{\"a\":1} // c", "{\"a\":1,\"a\"}", "[[[[[", " ", "\t\n", "{\"a\":\"\u0000\"}", "\u00ef\u00bb\u00bf{",
    ];

    /// <summary>JSON string contents (escapes as sent) that hold a NUL.</summary>
    public static readonly string[] NulStrings =
    [
        "a\\u0000", "\\u0000", "x\\u0000\\u0001\\u001f\\u007f\\u2028", string.Concat(Enumerable.Repeat("\\u0000", 100)), "ok\\u0000' OR 1=1 --",
    ];

    public static readonly string[] LoneSurrogates = ["\\ud800", "a\\udc00b", "\\udbff\\u0041", "\\ud800\\ud800"];

    public static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
        "application/json; charset=utf-7", "application/json; charset=ebcdic-cp-us", "application/json; charset=\"", "application/json; charset=utf-16",
        "APPLICATION/JSON; CHARSET=UTF-32", "garbage", ";;;", "application/", "*/*", "application/json, text/plain", "application/merge-patch+json",
    ];

    public static readonly string[] Accepts =
    [
        "application/xml", "text/html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*;q=0", "application/json;q=0",
        "garbage", "", "image/png", "application/problem+xml", "text/event-stream", "application/json; charset=ebcdic-cp-us",
        string.Join(", ", Enumerable.Range(0, 150).Select(i => $"application/x-{i}")),
    ];

    public static readonly Func<Random, IEnumerable<KeyValuePair<string, string>>>[] Headers =
    [
        _ => [new("X-Fuzz-Huge", new string('h', 40_000))],
        _ => Enumerable.Range(0, 120).Select(i => new KeyValuePair<string, string>($"X-Fuzz-{i}", new string('m', 150))),
        _ => [new("If-Match", "\"1\""), new("If-Match", "\"2\"")],
        r => [new("If-Match", Pick(r, ["W/", "*, \"1\"", "\"abc\"", "\"1", "\"999999999999999999999\"", "\"0\"", "\"-5\"", "W/\"3\"", "\"99999\"", new string('9', 5000)]))],
        r => [new("If-None-Match", Pick(r, ["*", "garbage", "\"1\", W/"]))],
        r => [new("If-Modified-Since", Pick(r, ["garbage", "Tue, 99 Foo 20261 99:99:99 GMT"]))],
        r => [new("Range", Pick(r, ["bytes=0-0,-1", "bytes=garbage", "bytes=99999999999999999999-"]))],
        r => [new("X-Correlation-Id", Pick(r, [new string('c', 5000), "../../etc/passwd", "Ωμέγα", "a b c", "x;drop table mt_events"]))],
        _ => [new("Host", "evil.example")],
        r => [new("Content-Encoding", Pick(r, ["gzip", "br", "deflate", "garbage"]))],
        _ => [new("X-Forwarded-For", "1.2.3.4, evil"), new("X-Forwarded-Host", "evil.example"), new("X-Forwarded-Proto", "gopher")],
        _ => [new("X-Original-URL", "/api/scheduling/operations/messaging/replay"), new("X-HTTP-Method-Override", "DELETE")],
        _ => [new("Cookie", "session=" + new string('k', 20_000))],
        _ => [new("tracestate", new string('t', 600)), new("baggage", "k=" + new string('b', 8000))],
        _ => [new("Expect", "100-continue")],
        _ => [new("Transfer-Encoding", "chunked")],
        _ => [new("Accept-Charset", "utf-7"), new("Accept-Encoding", "gzip;q=2, garbage")],
    ];

    /// <summary>Ids for a GUID in the path. Some are GUIDs in other spellings, all name nothing.</summary>
    public static readonly Func<Random, string>[] SafeGuidIds =
    [
        _ => Guid.Empty.ToString(), r => AnyGuid(r).ToString(), r => AnyGuid(r).ToString().ToUpperInvariant(), r => $"%7B{AnyGuid(r)}%7D",
        r => AnyGuid(r).ToString("N"), r => AnyGuid(r) + "0", r => AnyGuid(r).ToString()[..35], _ => "not-a-guid", _ => "0", _ => "-1",
        _ => "null", _ => "undefined", _ => "%00", _ => "%FF", _ => "%C0%AF", _ => "%F0%9F%98%80", _ => "a%20b", _ => new string('f', 300),
        _ => new string('f', 4000), _ => new string('f', 9000), _ => "%27%20OR%201%3D1--", _ => "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
    ];

    /// <summary>As <see cref="SafeGuidIds"/>, and some that could steer a path elsewhere if it were normalized or decoded twice.</summary>
    public static readonly Func<Random, string>[] GuidIds =
    [
        .. SafeGuidIds, _ => "%2e%2e", _ => "..%2f..%2fhealth", _ => "%2e%2e%2f%2e%2e%2foperations", _ => "%0d%0aX-Injected:%201",
    ];

    public static readonly Func<Random, string>[] SafeTextIds =
    [
        Unknown, _ => new string('t', 300), _ => new string('t', 9000), _ => "%00", _ => "%01", _ => "%FF", _ => "%C0%80", _ => "%F0%9F%98%80",
        _ => "%27%20OR%201%3D1--", _ => "%3Cscript%3E", _ => "primary%00", _ => "a%20b", _ => Guid.Empty.ToString(), _ => "-1",
    ];

    public static readonly Func<Random, string>[] TextIds = [.. SafeTextIds, _ => "%2e%2e", _ => "..%2F", _ => "%2e%2e%2f%2e%2e%2f"];

    public static readonly Func<Random, string>[] QueryValues =
    [
        _ => "%00", _ => "a%00b", _ => "%01%1f", _ => new string('q', 6000), _ => "-1", _ => "0", _ => "99999999999999999999", _ => "1e309", _ => "NaN",
        _ => "abc", _ => "2026-13-45T99:99:99Z", _ => "%FF", _ => "%C0%AF", _ => "%27%20OR%20%271%27%3D%271", _ => "%26%3D%3F", _ => "",
        _ => "true", _ => "%5B%5D", _ => "%7B%7D", _ => Guid.Empty.ToString(), _ => "%F0%9F%98%80", _ => "%ud800",
    ];

    /// <summary>A value no scalar, list or record of that kind accepts.</summary>
    public static string WrongValue(ValueKind kind, Random random) => kind switch
    {
        ValueKind.Array => Pick(random, ["{}", "\"x\"", "1", "true"]),
        ValueKind.Object => Pick(random, ["[]", "\"x\"", "1", "true"]),
        ValueKind.Unknown => "[[[[\"x\"]]]]",
        _ => Pick(random, ["{}", "[]", "[1,2]", "{\"a\":1}"]),
    };

    /// <summary>A body of another kind than the route reads. Never null: an optional body reads null as absent.</summary>
    public static string WrongRoot(ValueKind kind, Random random) => kind switch
    {
        ValueKind.Array => Pick(random, ["{}", "\"x\"", "1", "true"]),
        ValueKind.Object => Pick(random, ["[]", "\"x\"", "1", "true", "[{}]"]),
        _ => "[[[[\"x\"]]]]",
    };

    public static string Unknown(Random random) => "fz" + random.Next().ToString("x8");

    /// <summary>A GUID from the seeded generator: it names nothing, and a run plans the same ones again.</summary>
    public static Guid AnyGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
