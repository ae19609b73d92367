using System.Text;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Plans the fuzz from one seed, so a run is reproduced by its seed. No planned request can legitimately succeed in writing: a
/// body is always invalid (malformed, mistyped, too deep, too large, holding a NUL or a lone surrogate, or claiming another
/// content type), an id in the path names nothing, and a command with neither is only sent with a token the gateway refuses.
/// </summary>
internal sealed class FuzzPlan(int seed, FuzzTokens tokens)
{
    /// <summary>Over Kestrel's default request body limit (30,000,000 bytes), and any lower one.</summary>
    public const int HugeBodyBytes = 31 * 1024 * 1024;

    private static readonly Lazy<byte[]> HugeBody = new(() =>
    {
        var bytes = new byte[HugeBodyBytes];
        Array.Fill(bytes, (byte)'a');
        "{\"x\":\""u8.CopyTo(bytes);
        "\"}"u8.CopyTo(bytes.AsSpan(bytes.Length - 2));
        return bytes;
    });

    private readonly Random _random = new(seed);

    public IReadOnlyList<FuzzRequest> Plan(IReadOnlyList<ApiRoute> routes, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Next(i, routes[i % routes.Count]))];

    private FuzzRequest Next(int index, ApiRoute route)
    {
        var attacks = new List<string> { "token" };
        if (route.RefusableWithValidToken)
        {
            attacks.Add("header");
            if (route.TakesBody)
            {
                attacks.AddRange(["body", "body", "body"]);
            }

            if (route.PathParameters.Count > 0)
            {
                attacks.AddRange(["id", "id"]);
            }

            if (route.IsRead || route.QueryParameters.Count > 0)
            {
                attacks.Add("query");
            }
        }

        var attack = Pick(attacks);
        var headers = new List<KeyValuePair<string, string>>();
        if (_random.NextDouble() < 0.2)
        {
            headers.Add(new("Accept", Pick(Attacks.Accepts)));
        }

        string? authorization;
        string? refused = null;
        if (attack == "token")
        {
            (refused, authorization) = tokens.Refused[_random.Next(tokens.Refused.Count)];
        }
        else
        {
            authorization = route.Role is null ? null : "Bearer " + tokens.Valid(route.Role, _random);
            if (attack == "header")
            {
                headers.AddRange(Pick(Attacks.Headers)(_random));
            }
        }

        var path = PathOf(route, attack == "id");
        // A refused token is all that is wrong with its request: the gateway must refuse it for that.
        if (attack == "query" || (attack != "token" && _random.NextDouble() < 0.1))
        {
            path += Query(route);
        }

        // Every body is invalid whatever the attack; a bad token gets one too, so a token wrongly let in still writes nothing.
        var body = route.TakesBody ? InvalidBody(route, attack == "body" ? 1.0 : 0.3) : null;
        return new FuzzRequest(index, attack, route, path, authorization, refused, headers, body);
    }

    private string PathOf(ApiRoute route, bool attackAnId)
    {
        var attacked = attackAnId ? route.PathParameters[_random.Next(route.PathParameters.Count)] : null;
        // A command without a body must not be steered to another route by a path that normalizes ("%2e%2e" is "..").
        var steerable = route.IsRead || route.TakesBody;
        var path = route.Template;
        foreach (var parameter in route.PathParameters)
        {
            var value = parameter == attacked
                ? Pick(parameter.IsGuid ? steerable ? Attacks.GuidIds : Attacks.SafeGuidIds : steerable ? Attacks.TextIds : Attacks.SafeTextIds)(_random)
                : parameter.IsGuid ? Attacks.AnyGuid(_random).ToString() : Attacks.Unknown(_random);
            path = path.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    private string Query(ApiRoute route)
    {
        var names = route.QueryParameters.Select(p => p.Name).DefaultIfEmpty("q").ToList();
        var pairs = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => $"{Pick(names)}={Pick(Attacks.QueryValues)(_random)}");
        return "?" + string.Join('&', pairs);
    }

    private FuzzBody InvalidBody(ApiRoute route, double hugeChance)
    {
        // A property the body does not have is skipped unread, NUL and all: attacks on a value name one it has.
        var fields = route.BodyFields!;
        var strings = fields.Where(f => f.Kind == ValueKind.String).ToList();
        var candidates = new List<Func<FuzzBody>>
        {
            () => Json("malformed", Pick(Attacks.MalformedJson)),
            () => Json("wrong root", Attacks.WrongRoot(route.BodyKind, _random)),
            () => Json("raw control character", "{\"x\":\"a\u0001b\t\u001fc\"}"),
            () => Deep(fields.Count > 0 ? Pick(fields).Name : "x"),
            () => new FuzzBody("odd content type", Pick(Attacks.ContentTypes), () => Encoding.UTF8.GetBytes(Attacks.WrongRoot(route.BodyKind, _random))),
            () => new FuzzBody("UTF-16 claimed as UTF-8", "application/json", () => Encoding.Unicode.GetBytes(Attacks.WrongRoot(route.BodyKind, _random))),
            // Outside a string: inside one the reader checks the bytes only when it reads the value, and skips what it does not know.
            () => new FuzzBody("invalid UTF-8", "application/json", () => [.. "{\"x\":"u8, 0xC3, 0x28, 0xFF, 0xFE, .. "}"u8]),
        };
        if (fields.Count > 0)
        {
            var field = Pick(fields);
            candidates.Add(() => Json("wrong types", "{" + string.Join(',', fields.OrderBy(_ => _random.Next()).Take(1 + _random.Next(3))
                .Select(f => $"\"{f.Name}\":{Attacks.WrongValue(f.Kind, _random)}")) + "}"));
            candidates.Add(() => Large(field));
            candidates.Add(() => Json("duplicate key, the last mistyped", $"{{\"{field.Name}\":\"ok\",\"{field.Name}\":{Attacks.WrongValue(field.Kind, _random)}}}"));
        }

        if (strings.Count > 0)
        {
            var text = Pick(strings).Name;
            candidates.Add(() => Json("NUL in a string", $"{{\"{text}\":\"{Pick(Attacks.NulStrings)}\"}}"));
            candidates.Add(() => Json("lone surrogate", $"{{\"{text}\":\"{Pick(Attacks.LoneSurrogates)}\"}}"));
        }

        // Never an empty body or a JSON null: an optional body reads them as absent, and the command would run.
        return _random.NextDouble() < hugeChance * 0.01
            ? new FuzzBody("over the size limit", "application/json", () => HugeBody.Value) { OverTheLimit = true }
            : Pick(candidates)();
    }

    private FuzzBody Deep(string field)
    {
        var depth = Pick(new[] { 33, 65, 500, 5_000, 100_000 });
        var (open, close) = _random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        return new FuzzBody($"nested {depth} deep", "application/json", () =>
            Encoding.UTF8.GetBytes($"{{\"{field}\":" + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "}"));
    }

    private FuzzBody Large(ApiParameter field)
    {
        var size = Pick(new[] { 100_000, 1_000_000, 4_000_000 });
        var wrong = Attacks.WrongValue(field.Kind, _random);
        return new FuzzBody($"{size / 1000} kB then a wrong type", "application/json", () =>
            Encoding.UTF8.GetBytes($"{{\"padding\":\"{new string('p', size)}\",\"{field.Name}\":{wrong}}}"))
        {
            OverTheLimit = size > RequestLimits.MaxRequestBodySize,
        };
    }

    private static FuzzBody Json(string description, string text) => new(description, "application/json", () => Encoding.UTF8.GetBytes(text));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
