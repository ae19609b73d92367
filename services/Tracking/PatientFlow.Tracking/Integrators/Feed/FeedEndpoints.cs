using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// The integrator feed over HTTP: a page of CloudEvents for clients that poll, and server-sent events that replay
/// from a position or a time and then follow live. The same log and order as the gRPC <c>Subscribe</c>. What is read is
/// cut to the token (<see cref="FeedGrants"/>): its feed scope and its clinics.
/// </summary>
public static class FeedEndpoints
{
    /// <summary>A comment line this often keeps proxies from closing a quiet stream.</summary>
    public static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(15);

    public const int MaxPage = 1000;

    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var feed = app.MapGroup("/api/tracking/feed").RequireAuthorization(AccessPolicies.IntegratorFeed).WithTags("Integrator feed");
        feed.Audited("feed", AuditAction.Disclosure);
        feed.MapGet("/", GetPageAsync);
        feed.MapGet("/events", StreamAsync);
        return app;
    }

    /// <summary>Up to <c>limit</c> events after <c>after</c>; <c>next</c> is where the following page starts.</summary>
    private static async Task<Ok<FeedPageResponse>> GetPageAsync(
        long? after, string? since, string? types, string? clinics, string? scope, int? limit, ClaimsPrincipal user, ClinicScope granted, FeedLog log, CancellationToken ct)
    {
        var query = FeedQuery.Parse(types, clinics, since, scope).BoundBy(user, granted);
        var max = limit ?? 100;
        if (max is < 1 or > MaxPage)
        {
            throw new InvalidFieldException("limit", $"must be between 1 and {MaxPage}");
        }

        var start = await StartAsync(after, query, log, ct);
        var page = await log.PageAsync(query, start, max, ct);
        var events = page.Entries.Select(entry => System.Text.Json.JsonDocument.Parse(FeedEnvelope.Encode(entry, query.Scope)).RootElement).ToList();
        return TypedResults.Ok(new FeedPageResponse(events, page.ReadUpTo));
    }

    /// <summary>
    /// <c>text/event-stream</c>: each event's <c>id</c> is its position and its <c>data</c> the structured CloudEvent.
    /// A client reconnecting with <c>Last-Event-ID</c> resumes right after the last event it got.
    /// </summary>
    private static async Task StreamAsync(
        HttpContext context, long? after, string? since, string? types, string? clinics, string? scope,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId, ClinicScope granted, FeedLog log, Disclosures disclosures, CancellationToken ct)
    {
        var query = FeedQuery.Parse(types, clinics, since, scope).BoundBy(context.User, granted);
        var resumeAfter = lastEventId is { Length: > 0 }
            ? long.TryParse(lastEventId, out var last) && last >= 0 ? last : throw new InvalidFieldException("Last-Event-ID", "must be a feed position")
            : after;
        var start = await StartAsync(resumeAfter, query, log, ct);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync(": patientflow feed\n\n", ct);
        await response.Body.FlushAsync(ct);

        using var keepAlive = new PeriodicTimer(KeepAliveEvery);
        var tick = keepAlive.WaitForNextTickAsync(ct).AsTask();
        await using var events = log.FollowAsync(query, start, ct).GetAsyncEnumerator(ct);
        var atHand = new List<FeedEntry>();
        try
        {
            var next = events.MoveNextAsync();
            while (true)
            {
                if (!next.IsCompleted || atHand.Count == DisclosedTogether)
                {
                    await SendAsync(context, query, atHand, disclosures, ct);
                }

                if (!next.IsCompleted)
                {
                    // Nothing more at hand: what was written goes out now.
                    await response.Body.FlushAsync(ct);
                    var waiting = next.AsTask();
                    while (await Task.WhenAny(waiting, tick) == tick)
                    {
                        await response.WriteAsync(": keep-alive\n\n", ct);
                        await response.Body.FlushAsync(ct);
                        tick = keepAlive.WaitForNextTickAsync(ct).AsTask();
                    }

                    next = new ValueTask<bool>(waiting);
                }

                if (!await next)
                {
                    await SendAsync(context, query, atHand, disclosures, ct);
                    return;
                }

                atHand.Add(events.Current);
                next = events.MoveNextAsync();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The subscriber went away; it resumes with Last-Event-ID.
        }
    }

    /// <summary>Events at hand are disclosed together: one audit transaction for up to this many.</summary>
    private const int DisclosedTogether = 100;

    /// <summary>Records the events at hand as disclosed to the caller, then writes them: none goes out unrecorded.</summary>
    private static async Task SendAsync(HttpContext context, FeedQuery query, List<FeedEntry> atHand, Disclosures disclosures, CancellationToken ct)
    {
        if (atHand.Count == 0)
        {
            return;
        }

        await disclosures.RecordAsync(
            [.. atHand.Select(entry => Disclosure.To(context.User, "feed-event", entry.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Step.PatientId, "SSE GET /api/tracking/feed/events"))],
            ct);
        foreach (var entry in atHand)
        {
            // Structured JSON has no raw line breaks, so it fits on one data: line.
            var frame = $"id: {entry.Position}\nevent: {entry.Type}\ndata: {Encoding.UTF8.GetString(FeedEnvelope.Encode(entry, query.Scope))}\n\n";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), ct);
        }

        atHand.Clear();
    }

    /// <summary>After the given position; else from the given time; else from the beginning.</summary>
    private static async Task<long> StartAsync(long? after, FeedQuery query, FeedLog log, CancellationToken ct) => (after, query.Since) switch
    {
        ({ } position, _) when position < 0 => throw new InvalidFieldException("after", "must be a feed position (0 or more)"),
        ({ } position, _) => position,
        (null, { } since) => await log.StartOfAsync(since, ct),
        _ => 0,
    };
}

/// <summary>A page of the feed: structured CloudEvents in position order, and the position to ask after next.</summary>
public sealed record FeedPageResponse(IReadOnlyList<System.Text.Json.JsonElement> Events, long Next);
