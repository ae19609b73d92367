using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.Audit;
using PatientFlow.Platform.Time;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Analytics;

public static class AnalyticsEndpoints
{
    /// <summary>The longest window one answer covers: a month of a hospital's visits is still read in one go.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(31);

    /// <summary>Without <c>from</c>, this long before <c>to</c>.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(8);

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/tracking/analytics").RequireAuthorization(AccessPolicies.Tracking).WithTags("Analytics");
        analytics.HoldsNoPhi();
        analytics.MapGet("/", GetReport);
        analytics.MapGet("/stages", GetStages);
        return app;
    }

    private static async Task<Ok<FlowReport>> GetReport(
        string? from, string? to, string? clinic, Guid? providerId, string? room, string? visitType,
        ClinicScope granted, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var filter = Filter(clinic, providerId, room, visitType, granted);
        var (start, end) = Window(from, to, clock);
        var visits = await VisitFlows.InWindowAsync(session, start, end, granted, ct);
        return TypedResults.Ok(FlowReport.Build(visits, start, end, filter));
    }

    private static async Task<Ok<StageBreakdown>> GetStages(
        string? groupBy, string? from, string? to, string? clinic, Guid? providerId, string? room, string? visitType,
        ClinicScope granted, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var filter = Filter(clinic, providerId, room, visitType, granted);
        var by = string.IsNullOrWhiteSpace(groupBy) ? "clinic" : groupBy;
        if (!StageBreakdown.Groupings.ContainsKey(by))
        {
            throw new InvalidFieldException("groupBy", $"must be one of: {string.Join(", ", StageBreakdown.Groupings.Keys)}");
        }

        var (start, end) = Window(from, to, clock);
        var visits = await VisitFlows.InWindowAsync(session, start, end, granted, ct);
        return TypedResults.Ok(StageBreakdown.Build(visits, start, end, filter, by));
    }

    private static (DateTimeOffset From, DateTimeOffset To) Window(string? from, string? to, TimeProvider clock)
    {
        var end = AsOf.ParseInstant("to", to) ?? clock.GetUtcNow();
        var start = AsOf.ParseInstant("from", from) ?? end - DefaultWindow;
        if (start >= end)
        {
            throw new InvalidFieldException("from", "must be before to");
        }

        if (end - start > LongestWindow)
        {
            throw new InvalidFieldException("from", $"the window must not be longer than {LongestWindow.TotalDays:0} days");
        }

        return (start, end);
    }

    /// <summary>The filters asked for; a clinic the token does not grant is refused naming <c>clinic</c>.</summary>
    private static FlowFilter Filter(string? clinic, Guid? providerId, string? room, string? visitType, ClinicScope granted) => new(
        granted.Check(TextField.Optional("clinic", clinic), "clinic"), providerId, TextField.Optional("room", room),
        TextField.Optional("visitType", visitType));
}

/// <summary>Reads the visits an analytics window needs from the journeys.</summary>
public static class VisitFlows
{
    /// <summary>
    /// Visits of <paramref name="clinics"/> on the clinic's day inside the window, and those begun up to a day before it
    /// that may still be in a queue at its start (a patient waiting since before the window has no later step to find it by).
    /// </summary>
    public static async Task<IReadOnlyList<VisitFlow>> InWindowAsync(
        IQuerySession session, DateTimeOffset from, DateTimeOffset to, ClinicScope clinics, CancellationToken ct)
    {
        var dayBefore = from.AddDays(-1);
        var journeys = await session.Query<VisitJourney>()
            .Where(journey => journey.ActiveFrom < to && (journey.ActiveUntil >= from || journey.ActiveFrom >= dayBefore))
            .ToListAsync(ct);
        return [.. journeys.Where(journey => clinics.AdmitsRecordIn(journey.Clinic)).Select(VisitFlow.From)];
    }
}
