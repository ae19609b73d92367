using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.Audit;
using PatientFlow.Platform.Time;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Tracking.Bottlenecks;

/// <summary>A bottleneck as recorded: when it appeared in which clinic, and when it cleared (null: still there).</summary>
public sealed record BottleneckRecord(
    string Clinic, string Interval, string Why, int QueueAtStart, int QueueAtEnd, double WaitShare, string? Where, DateTimeOffset AppearedAt, DateTimeOffset? ClearedAt);

public sealed record BottleneckHistory(DateTimeOffset Since, IReadOnlyList<BottleneckRecord> Current, IReadOnlyList<BottleneckRecord> Recorded);

public static class BottleneckEndpoints
{
    public static IEndpointRouteBuilder MapBottleneckEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/tracking/bottlenecks").RequireAuthorization(AccessPolicies.Tracking).WithTags("Analytics")
            .MapGet("/", GetBottlenecks).HoldsNoPhi();
        return app;
    }

    /// <summary>Bottlenecks of the token's clinics now, and every one that appeared since <c>since</c> (default: a day ago), newest first.</summary>
    private static async Task<Ok<BottleneckHistory>> GetBottlenecks(string? since, ClinicScope granted, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var from = AsOf.ParseInstant("since", since) ?? clock.GetUtcNow().AddDays(-1);
        var appeared = (await session.Events.QueryRawEventDataOnly<BottleneckAppeared>().ToListAsync(ct)).Where(a => granted.AdmitsRecordIn(a.Clinic)).ToList();
        var cleared = await session.Events.QueryRawEventDataOnly<BottleneckCleared>().ToListAsync(ct);
        var records = appeared
            .Select(a => new BottleneckRecord(
                a.Clinic, a.Interval, a.Why, a.QueueAtStart, a.QueueAtEnd, a.WaitShare, a.Where, a.At,
                cleared.Where(c => c.Clinic == a.Clinic && c.Interval == a.Interval && c.At >= a.At).Select(c => (DateTimeOffset?)c.At).Min()))
            .OrderByDescending(r => r.AppearedAt)
            .ToList();
        return TypedResults.Ok(new BottleneckHistory(
            from,
            [.. records.Where(r => r.ClearedAt is null)],
            [.. records.Where(r => r.AppearedAt >= from || r.ClearedAt is null || r.ClearedAt >= from)]));
    }
}
