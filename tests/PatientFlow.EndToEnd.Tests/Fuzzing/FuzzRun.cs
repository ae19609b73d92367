using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace PatientFlow.EndToEnd.Tests.Fuzzing;

/// <summary>What one request got: its status, or why it got none, and the problem's title.</summary>
internal sealed record FuzzAnswer(FuzzRequest Request, int Status, string? Title, string? NoAnswer, bool ConnectionClosed = false)
{
    /// <summary>For a request without an answer: what its connection carried before it and how it ended (<see cref="ConnectionLog"/>).</summary>
    public string? Wire { get; init; }

    /// <summary>For a request the connection closed on while it had a body: the answer to the same request sent as a careful client would.</summary>
    public FuzzAnswer? Careful { get; init; }

    /// <summary>
    /// A request the gateway refuses without reading its body (over the limit on its declared length, or a request line
    /// Kestrel refuses) is answered and its connection closed, often while the body is still being sent; the client then
    /// sees the connection reset, not the answer. It counts as refused only when the same request, sent again with
    /// <c>Expect: 100-continue</c> on a new connection, is answered, and not with a 5xx.
    /// </summary>
    public bool RefusedWhileSending => ConnectionClosed && Request.Body is not null && Careful is { NoAnswer: null, Status: < 500 };

    public override string ToString() =>
        $"{Request} → {(NoAnswer ?? Status.ToString())}{(Title is null ? "" : $" \"{Title}\"")}{(Wire is null ? "" : $" [{Wire}]")}" +
        (Careful is null ? "" : $"; sent again with Expect: 100-continue → {Careful.NoAnswer ?? Careful.Status.ToString()}");
}

/// <summary>Sends the planned requests through the gateway, a few at a time, each in one trace of the run's.</summary>
internal static class FuzzRun
{
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(30);

    public static async Task<(IReadOnlyList<FuzzAnswer> Answers, TimeSpan Took)> SendAsync(
        Uri gateway, IReadOnlyList<FuzzRequest> plan, string traceId, int parallelism)
    {
        var wire = new ConnectionLog();
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = wire.ConnectAsync,
            // Non-ASCII header values go out as UTF-8 bytes, for the gateway to refuse or read.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            MaxConnectionsPerServer = parallelism,
            // A careful resend waits this long for the gateway's refusal or its 100 Continue before it sends the body.
            Expect100ContinueTimeout = TimeSpan.FromSeconds(10),
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        var answers = new ConcurrentBag<FuzzAnswer>();
        var took = Stopwatch.StartNew();
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (request, _) =>
            answers.Add(await SendAsync(client, request, traceId)));
        var elapsed = took.Elapsed;
        var result = new List<FuzzAnswer>();
        foreach (var answer in answers.OrderBy(a => a.Request.Index))
        {
            result.Add(answer.NoAnswer is null ? answer : answer with
            {
                Wire = wire.Explain(answer.Request.Index),
                Careful = answer.ConnectionClosed && answer.Request.Body is not null ? await SendAsync(client, answer.Request, traceId, careful: true) : null,
            });
        }

        return (result, elapsed);
    }

    private static async Task<FuzzAnswer> SendAsync(HttpClient client, FuzzRequest planned, string traceId, bool careful = false)
    {
        using var limit = new CancellationTokenSource(PerRequest);
        var traceparent = $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        try
        {
            using var request = planned.Message(traceparent);
            if (careful)
            {
                // Headers first; the body only if the gateway asks for it.
                request.Headers.ExpectContinue = true;
            }

            // Headers only: an event stream (the board, the feed) answers 200 and stays open; its status is all that counts.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var status = (int)response.StatusCode;
            return new FuzzAnswer(planned, status, status >= 400 ? await TitleAsync(response.Content, limit.Token) : null, null);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return new FuzzAnswer(planned, 0, null, $"no answer within {PerRequest.TotalSeconds:0} s");
        }
        catch (HttpRequestException exception)
        {
            return new FuzzAnswer(
                planned, 0, null, $"connection failed: {exception.InnerException?.Message ?? exception.Message}", exception.InnerException is IOException);
        }
    }

    private static async Task<string?> TitleAsync(HttpContent content, CancellationToken ct)
    {
        if (content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return content.Headers.ContentType?.MediaType is { } other ? $"({other})" : null;
        }

        try
        {
            using var problem = JsonDocument.Parse(await content.ReadAsStringAsync(ct));
            return problem.RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return "(unreadable problem)";
        }
    }
}
