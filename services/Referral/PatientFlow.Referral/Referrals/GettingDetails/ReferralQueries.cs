using Microsoft.AspNetCore.Mvc;
using PatientFlow.Platform.Visits;

namespace PatientFlow.Referral.Referrals.GettingDetails;

public static class ReferralQueries
{
    public const int MaxListed = 500;

    /// <summary>GET /referrals/{referralId}: the referral now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    public static async Task<Ok<ReferralDetails>> Get(Guid referralId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<ReferralDetails>(referralId, asOf, http, ct) ?? throw Referral.NotFound(referralId));

    /// <summary>
    /// Open referrals (not complete, not cancelled), most urgent deadline first: by <c>status</c> (created = waiting to be
    /// scheduled, scheduled = waiting for the report), <c>kind</c>, <c>overdue=true</c>, and scheduling deadline before <c>dueBefore</c>.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<ReferralDetails>>> ListOpen(
        [FromQuery(Name = "status")] string? statusWord, [FromQuery(Name = "kind")] string? kindWord, [FromQuery] DateTimeOffset? dueBefore,
        [FromQuery] bool? overdue, IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        var status = Word<ReferralStatus>("status", statusWord);
        var kind = Word<ReferralKind>("kind", kindWord);
        if (status is ReferralStatus.Completed or ReferralStatus.Cancelled)
        {
            throw new InvalidFieldException("status", "lists open referrals: created or scheduled");
        }

        var query = session.Query<ReferralDetails>().Where(r => r.Status == ReferralStatus.Created || r.Status == ReferralStatus.Scheduled);
        if (status is { } wanted)
        {
            query = query.Where(r => r.Status == wanted);
        }

        if (kind is { } k)
        {
            query = query.Where(r => r.Kind == k);
        }

        if (dueBefore is { } due)
        {
            query = query.Where(r => r.ScheduleBy < due);
        }

        if (overdue == true)
        {
            query = query.Where(r => r.SchedulingOverdueSince != null || r.ReportOverdueSince != null);
        }

        if (scope.HasAllClinics)
        {
            return TypedResults.Ok<IReadOnlyList<ReferralDetails>>(await query.OrderBy(r => r.ScheduleBy).Take(MaxListed).ToListAsync(ct));
        }

        return TypedResults.Ok<IReadOnlyList<ReferralDetails>>([.. (await VisibleAsync(session, scope, await query.OrderBy(r => r.ScheduleBy).ToListAsync(ct), ct)).Take(MaxListed)]);
    }

    public static async Task<Ok<IReadOnlyList<ReferralDetails>>> ForVisit(Guid visitId, IQuerySession session, CancellationToken ct)
    {
        await Visit.LoadAsync(session, visitId, ct);
        return TypedResults.Ok(await session.Query<ReferralDetails>().Where(r => r.VisitId == visitId).OrderBy(r => r.CreatedAt).ToListAsync(ct));
    }

    /// <summary>The patient's referrals from visits of the caller's clinics.</summary>
    public static async Task<Ok<IReadOnlyList<ReferralDetails>>> ForPatient(Guid patientId, IQuerySession session, ClinicScope scope, CancellationToken ct) =>
        TypedResults.Ok(await VisibleAsync(
            session, scope, await session.Query<ReferralDetails>().Where(r => r.PatientId == patientId).OrderByDescending(r => r.CreatedAt).ToListAsync(ct), ct));

    /// <summary>A referral is its visit's clinic's: those of <paramref name="referrals"/> the caller may see, in their order.</summary>
    private static async Task<IReadOnlyList<ReferralDetails>> VisibleAsync(
        IQuerySession session, ClinicScope scope, IReadOnlyList<ReferralDetails> referrals, CancellationToken ct)
    {
        if (scope.HasAllClinics)
        {
            return referrals;
        }

        var visits = await Visit.InScopeAsync(session, scope, referrals.Select(r => r.VisitId), ct);
        return [.. referrals.Where(r => visits.Contains(r.VisitId))];
    }

    /// <summary>An enum as the API writes it (kebab-case), or 422 naming the parameter.</summary>
    private static T? Word<T>(string field, string? value) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.TryParse<T>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && !int.TryParse(value, out _) ? parsed
        : throw new InvalidFieldException(field, $"must be one of {string.Join(", ", Enum.GetNames<T>().Select(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName))}");
}
