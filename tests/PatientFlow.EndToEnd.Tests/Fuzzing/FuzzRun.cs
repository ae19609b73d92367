using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace PatientFlow.EndToEnd.Tests.Fuzzing;

/// <summary>What one request got: its status, or why it got none, and the problem's title.</summary>
internal sealed record FuzzAnswer(FuzzRequest Request, int Status, string? Title, string? NoAnswer, bool ConnectionClosed = false)
{
    /// <summary>
    /// A server that refuses a request before reading its body (too large, or its path or headers already refused) answers
    /// and closes the connection while a large body is still being sent: the client sees the connection reset, not the answer.
    /// </summary>
    public bool RefusedWhileSending =>
        ConnectionClosed && Request.Body?.Description is { } body && (body.Contains("kB", StringComparison.Ordinal) || body == "over the size limit");

    public override string ToString() => $"{Request} → {(NoAnswer ?? Status.ToString())}{(Title is null ? "" : $" \"{Title}\"")}";
}

/// <summary>Sends the planned requests through the gateway, a few at a time, each in one trace of the run's.</summary>
internal static class FuzzRun
{
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(30);

    public static async Task<(IReadOnlyList<FuzzAnswer> Answers, TimeSpan Took)> SendAsync(
        Uri gateway, IReadOnlyList<FuzzRequest> plan, string traceId, int parallelism)
    {
        using var handler = new SocketsHttpHandler
        {
            // Non-ASCII header values go out as UTF-8 bytes, for the gateway to refuse or read.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            MaxConnectionsPerServer = parallelism,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        var answers = new ConcurrentBag<FuzzAnswer>();
        var took = Stopwatch.StartNew();
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (request, _) =>
            answers.Add(await SendAsync(client, request, traceId)));
        return ([.. answers.OrderBy(a => a.Request.Index)], took.Elapsed);
    }

    private static async Task<FuzzAnswer> SendAsync(HttpClient client, FuzzRequest planned, string traceId)
    {
        using var limit = new CancellationTokenSource(PerRequest);
        var traceparent = $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        try
        {
            using var request = planned.Message(traceparent);
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
