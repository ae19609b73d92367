using System.Net.Http.Headers;

namespace PatientFlow.EndToEnd.Tests.Fuzzing;

/// <summary>A body as sent: bytes (built when sent, so ten thousand plans stay small) and the content type claimed for them.</summary>
internal sealed record FuzzBody(string Description, string? ContentType, Func<byte[]> Bytes)
{
    /// <summary>Longer than the services' request body limit: refused on its declared length, never read.</summary>
    public bool OverTheLimit { get; init; }

    public HttpContent Content()
    {
        var content = new ByteArrayContent(Bytes());
        content.Headers.ContentType = null;
        if (ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        return content;
    }
}

/// <summary>One planned request: which attack, on which route, sent how.</summary>
/// <param name="Authorization">The Authorization header (null: none).</param>
/// <param name="RefusedToken">The kind of token the gateway must refuse, when that is the attack.</param>
internal sealed record FuzzRequest(
    int Index, string Attack, ApiRoute Route, string Path, string? Authorization, string? RefusedToken,
    IReadOnlyList<KeyValuePair<string, string>> Headers, FuzzBody? Body)
{
    public HttpRequestMessage Message(string traceparent)
    {
        var request = new HttpRequestMessage(new HttpMethod(Route.Method), Path) { Content = Body?.Content() };
        // First, so the connection log finds it at the start of what is written.
        request.Headers.TryAddWithoutValidation(ConnectionLog.IndexHeader, Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        request.Headers.TryAddWithoutValidation("traceparent", traceparent);
        foreach (var (name, value) in Headers)
        {
            if (request.Content is null && name is "Transfer-Encoding" or "Expect")
            {
                continue;
            }

            // Content headers (Content-Encoding, say) go on the body; a request without one has nowhere to carry them.
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public override string ToString() =>
        $"#{Index} {Attack}{(RefusedToken is null ? "" : $" ({RefusedToken})")}{(Body is null ? "" : $" [{Body.Description}]")}: {Route.Method} {Shorten(Path)}";

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..150]}… ({text.Length} chars)";
}
