using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Tracking.Board;

/// <summary>
/// The live board: a snapshot as JSON, and the same snapshot followed by every change as server-sent events.
/// Nothing is polled: a card changes on a viewer's screen when the step behind it commits. A viewer sees the clinics
/// its token grants, and asking for another clinic is refused.
/// </summary>
public static class BoardEndpoints
{
    /// <summary>How often a viewer is sent the clinic clock (which also keeps proxies from closing an idle stream).</summary>
    public static readonly TimeSpan ClockEvery = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder app)
    {
        // The gauges read the board from the first scrape on.
        app.ServiceProvider.GetRequiredService<BoardMetrics>();
        var board = app.MapGroup("/api/tracking/board").RequireAuthorization(AccessPolicies.Tracking).WithTags("Flow board");
        board.Audited("board");
        board.MapGet("/snapshot", GetSnapshot);
        board.MapGet("/stream", StreamAsync);
        return app;
    }

    private static Ok<BoardSnapshot> GetSnapshot(string? clinic, Guid? providerId, ClinicScope granted, LiveBoard board)
    {
        var (snapshot, _, subscription) = board.Watch(Filter(clinic, providerId, granted));
        subscription.Dispose();
        return TypedResults.Ok(snapshot);
    }

    /// <summary>
    /// <c>text/event-stream</c>: <c>snapshot</c> first, then <c>card</c>, <c>panels</c>, <c>bottleneck</c> and <c>clock</c> events.
    /// A viewer that falls too far behind is disconnected and starts again from a snapshot.
    /// </summary>
    private static async Task StreamAsync(
        HttpContext context, string? clinic, Guid? providerId, ClinicScope granted, LiveBoard board, TimeProvider clock, BoardClock boardClock,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        var filter = Filter(clinic, providerId, granted);
        var options = json.Value.SerializerOptions;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Tells buffering proxies in front of the gateway to pass each event on at once.
        response.Headers["X-Accel-Buffering"] = "no";
        var (snapshot, changes, subscription) = board.Watch(filter);
        using var _ = subscription;
        await WriteAsync(response, "snapshot", snapshot, options, ct);
        using var ticker = new PeriodicTimer(ClockEvery);
        var tick = ticker.WaitForNextTickAsync(ct).AsTask();
        var next = changes.WaitToReadAsync(ct).AsTask();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (await Task.WhenAny(next, tick) == tick)
                {
                    await WriteAsync(response, "clock", new { now = clock.GetUtcNow(), clockSpeed = boardClock.Speed }, options, ct);
                    tick = ticker.WaitForNextTickAsync(ct).AsTask();
                    continue;
                }

                if (!await next)
                {
                    return;
                }

                while (changes.TryRead(out var change))
                {
                    await WriteFrameAsync(response, change, options, ct);
                }

                await response.Body.FlushAsync(ct);
                next = changes.WaitToReadAsync(ct).AsTask();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The viewer went away.
        }
        catch (BoardViewerTooSlowException)
        {
            // Ends the response; the page reconnects and starts from a fresh snapshot.
        }
    }

    private static Task WriteFrameAsync(HttpResponse response, BoardChange change, JsonSerializerOptions options, CancellationToken ct) => change switch
    {
        CardChanged card => WriteAsync(response, "card", card, options, ct, flush: false),
        PanelsChanged panels => WriteAsync(response, "panels", panels.Panels, options, ct, flush: false),
        BottleneckChanged bottleneck => WriteAsync(response, "bottleneck", bottleneck, options, ct, flush: false),
        _ => Task.CompletedTask,
    };

    private static async Task WriteAsync<T>(HttpResponse response, string type, T data, JsonSerializerOptions options, CancellationToken ct, bool flush = true)
    {
        // JSON has no raw line breaks, so the data fits on one data: line.
        var frame = $"event: {type}\ndata: {JsonSerializer.Serialize(data, options)}\n\n";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), ct);
        if (flush)
        {
            await response.Body.FlushAsync(ct);
        }
    }

    /// <summary>The viewer's choice within its token's clinics; a clinic outside them is refused naming <c>clinic</c>.</summary>
    private static BoardFilter Filter(string? clinic, Guid? providerId, ClinicScope granted) =>
        new(granted.Check(TextField.Optional("clinic", clinic), "clinic"), providerId, granted);
}
