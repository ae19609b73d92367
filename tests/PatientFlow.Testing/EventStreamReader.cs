using System.Text.Json;

namespace PatientFlow.Testing;

/// <summary>One server-sent event: its type, its JSON data and its id (when the server gave one).</summary>
public sealed record ServerSentEvent(string Type, JsonElement Data, DateTimeOffset ReceivedAt, string? Id = null);

/// <summary>
/// Reads a <c>text/event-stream</c> response frame by frame, as a browser's stream reader would, noting when each
/// frame arrived. Frames not asked for are kept, so a test can wait for one type without losing the others.
/// </summary>
public sealed class EventStreamReader(Stream stream) : IAsyncDisposable
{
    private readonly StreamReader _reader = new(stream);
    private readonly List<ServerSentEvent> _unread = [];

    public static async Task<EventStreamReader> OpenAsync(HttpClient client, string url, CancellationToken ct = default)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            throw new InvalidOperationException($"{url} answered {response.Content.Headers.ContentType}, not text/event-stream");
        }

        return new EventStreamReader(await response.Content.ReadAsStreamAsync(ct));
    }

    /// <summary>The next frame of <paramref name="type"/> matching <paramref name="where"/>, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<ServerSentEvent> NextAsync(string type, Func<JsonElement, bool>? where = null, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        bool Wanted(ServerSentEvent e) => e.Type == type && (where is null || where(e.Data));
        if (_unread.FirstOrDefault(Wanted) is { } kept)
        {
            _unread.Remove(kept);
            return kept;
        }

        try
        {
            while (true)
            {
                var next = await ReadFrameAsync(limit.Token) ?? throw new EndOfStreamException("the event stream ended");
                if (Wanted(next))
                {
                    return next;
                }

                _unread.Add(next);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"no '{type}' event matching within {(timeout ?? TimeSpan.FromSeconds(15)).TotalSeconds:0.#} s; other events: {string.Join(", ", _unread.Select(e => e.Type))}");
        }
    }

    /// <summary>The next frame of any type, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<ServerSentEvent> NextFrameAsync(TimeSpan? timeout = null)
    {
        if (_unread.Count > 0)
        {
            var kept = _unread[0];
            _unread.RemoveAt(0);
            return kept;
        }

        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            return await ReadFrameAsync(limit.Token) ?? throw new EndOfStreamException("the event stream ended");
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"no event within {(timeout ?? TimeSpan.FromSeconds(15)).TotalSeconds:0.#} s");
        }
    }

    /// <summary>Every frame already received or arriving within <paramref name="quiet"/> of the last one.</summary>
    public async Task<IReadOnlyList<ServerSentEvent>> DrainAsync(TimeSpan quiet)
    {
        var drained = new List<ServerSentEvent>(_unread);
        _unread.Clear();
        while (true)
        {
            using var limit = new CancellationTokenSource(quiet);
            try
            {
                if (await ReadFrameAsync(limit.Token) is not { } next)
                {
                    return drained;
                }

                drained.Add(next);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                return drained;
            }
        }
    }

    private async Task<ServerSentEvent?> ReadFrameAsync(CancellationToken ct)
    {
        string? type = null;
        string? id = null;
        var data = new List<string>();
        while (await _reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return new ServerSentEvent(type ?? "message", JsonDocument.Parse(string.Join('\n', data)).RootElement.Clone(), DateTimeOffset.UtcNow, id);
                }

                type = null;
                id = null;
                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                type = line[6..].Trim();
            }
            else if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line[5..].TrimStart());
            }
        }

        return null;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }
}
