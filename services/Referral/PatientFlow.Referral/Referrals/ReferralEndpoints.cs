using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.Referral.Referrals.Authorizing;
using PatientFlow.Referral.Referrals.ClosingTheLoop;
using PatientFlow.Referral.Referrals.Creating;
using PatientFlow.Referral.Referrals.GettingDetails;
using PatientFlow.Referral.Referrals.Scheduling;
using PatientFlow.Referral.Visits;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Referral.Referrals;

public static class ReferralEndpoints
{
    public const int MaxListed = 500;

    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var referral = app.MapGroup("/api/referral").RequireAuthorization(AccessPolicies.Referral).WithTags("Referrals");
        referral.MapPost("/referrals", Create);
        referral.MapGet("/referrals", ListOpen);
        referral.MapGet("/referrals/{referralId:guid}", GetReferral);
        referral.MapPost("/referrals/{referralId:guid}/authorization", (Guid referralId, RequestAuthorization command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<ReferralDetails> logger, CancellationToken ct) =>
            DecideAsync(referralId, session, http, logger, "authorization requested", r => AuthorizationDeciders.Request(r, command, Who(http), clock.GetUtcNow()), ct));
        referral.MapPost("/referrals/{referralId:guid}/authorization/approval", (Guid referralId, ApproveAuthorization command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<ReferralDetails> logger, CancellationToken ct) =>
            DecideAsync(referralId, session, http, logger, "authorization approved", r => AuthorizationDeciders.Approve(r, command, clock.GetUtcNow()), ct));
        referral.MapPost("/referrals/{referralId:guid}/authorization/denial", (Guid referralId, DenyAuthorization command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<ReferralDetails> logger, CancellationToken ct) =>
            DecideAsync(referralId, session, http, logger, "authorization denied", r => AuthorizationDeciders.Deny(r, command, clock.GetUtcNow()), ct));
        referral.MapPost("/referrals/{referralId:guid}/authorization/appeal", (Guid referralId, AppealDenial command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<ReferralDetails> logger, CancellationToken ct) =>
            DecideAsync(referralId, session, http, logger, "denial appealed", r => AuthorizationDeciders.Appeal(r, command, Who(http), clock.GetUtcNow()), ct));
        referral.MapGet("/referrals/{referralId:guid}/slots", FindSlots);
        referral.MapPost("/referrals/{referralId:guid}/booking", BookInNetwork);
        referral.MapPost("/referrals/{referralId:guid}/external-booking", (Guid referralId, RecordExternalBooking command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<ReferralDetails> logger, CancellationToken ct) =>
            DecideAsync(referralId, session, http, logger, "booked outside the network", r => SchedulingDeciders.BookedExternally(r, command, Who(http), clock.GetUtcNow()), ct));
        referral.MapPost("/referrals/{referralId:guid}/missed-appointment", (Guid referralId, RecordMissedAppointment command, IDocumentSession session, HttpContext http, ReferralDeadlines deadlines, TimeProvider clock, ILogger<ReferralDetails> logger, CancellationToken ct) =>
            DecideAsync(referralId, session, http, logger, "reopened after a missed appointment", r => LoopDeciders.ExternalMissed(r, command, deadlines, clock.GetUtcNow()), ct));
        referral.MapPost("/referrals/{referralId:guid}/report", (Guid referralId, ReceiveReport command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<ReferralDetails> logger, CancellationToken ct) =>
            DecideAsync(referralId, session, http, logger, "report received; loop closed", r => LoopDeciders.ReceiveReport(r, command, Who(http), clock.GetUtcNow()), ct));
        referral.MapPost("/referrals/{referralId:guid}/cancellation", (Guid referralId, CancelReferral command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<ReferralDetails> logger, CancellationToken ct) =>
            DecideAsync(referralId, session, http, logger, "cancelled", r => LoopDeciders.Cancel(r, command, Who(http), clock.GetUtcNow()), ct));
        referral.MapGet("/visits/{visitId:guid}/referrals", GetVisitReferrals);
        referral.MapGet("/patients/{patientId:guid}/referrals", GetPatientReferrals);
        return app;
    }

    private static async Task<Created<ReferralDetails>> Create(
        CreateReferral command, IDocumentSession session, ReferralDeadlines deadlines, TimeProvider clock, HttpContext http,
        ILogger<ReferralDetails> logger, CancellationToken ct)
    {
        var visit = await LoadVisit(session, command.VisitId, ct);
        var referralId = Guid.CreateVersion7();
        var events = CreateReferralDecider.Decide(visit, command, deadlines, referralId, clock.GetUtcNow());
        session.Events.StartStream<Referral>(referralId, events);
        await session.SaveChangesAsync(ct);
        // A new stream's version is its number of events.
        StreamVersion.SetETag(http, events.Count);
        // Ids only: the reason is clinical text.
        logger.LogInformation("Referral {ReferralId} created from visit {VisitId}", referralId, visit.VisitId);
        return TypedResults.Created($"/api/referral/referrals/{referralId}", await LoadReferral(session, referralId, ct));
    }

    /// <summary>Free in-network slots of the referral's specialty on a clinic day, from scheduling over gRPC.</summary>
    private static async Task<Ok<IReadOnlyList<SlotOffer>>> FindSlots(
        Guid referralId, [FromQuery] DateOnly? date, [FromQuery] string? clinic, IQuerySession session, SchedulingClient scheduling, HttpContext http,
        CancellationToken ct)
    {
        var referral = await LoadReferral(session, referralId, ct);
        var day = date ?? throw new InvalidFieldException("date", "is required, e.g. 2026-03-04");
        return TypedResults.Ok(await scheduling.FindFreeSlotsAsync(referral.Specialty, clinic, day, http.Request.Headers.Authorization, ct));
    }

    /// <summary>
    /// Books the slot in scheduling over gRPC, then records it. The booking is idempotent on the referral's booking request
    /// id, so a retry after a lost answer (ours or scheduling's) gets the same appointment, never a second one.
    /// </summary>
    private static async Task<Ok<ReferralDetails>> BookInNetwork(
        Guid referralId, BookInNetwork command, IDocumentSession session, SchedulingClient scheduling, HttpContext http, TimeProvider clock,
        ILogger<ReferralDetails> logger, CancellationToken ct)
    {
        var stream = await session.FetchForWritingAsync<Referral>(referralId, http, ct);
        var referral = stream.Aggregate ?? throw UnknownReferral(referralId);
        var bookable = SchedulingDeciders.EnsureBookable(referral, command, clock.GetUtcNow());
        var booked = await scheduling.BookAsync(referral, bookable, http.Request.Headers.Authorization, ct);
        stream.AppendMany(SchedulingDeciders.BookedInNetwork(referral, booked, Who(http), clock.GetUtcNow()));
        session.Store(new ReferralAppointment(booked.AppointmentId, referralId));
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Referral {ReferralId} booked in network: appointment {AppointmentId}", referralId, booked.AppointmentId);
        return TypedResults.Ok(await LoadReferral(session, referralId, ct));
    }

    /// <summary>The referral now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    private static async Task<Ok<ReferralDetails>> GetReferral(
        Guid referralId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<ReferralDetails>(referralId, asOf, http, ct) ?? throw UnknownReferral(referralId));

    /// <summary>
    /// Open referrals (not complete, not cancelled), most urgent deadline first: by <c>status</c> (created = waiting to be
    /// scheduled, scheduled = waiting for the report), <c>kind</c>, <c>overdue=true</c>, and scheduling deadline before <c>dueBefore</c>.
    /// </summary>
    private static async Task<Ok<IReadOnlyList<ReferralDetails>>> ListOpen(
        [FromQuery(Name = "status")] string? statusWord, [FromQuery(Name = "kind")] string? kindWord, [FromQuery] DateTimeOffset? dueBefore,
        [FromQuery] bool? overdue, IQuerySession session, CancellationToken ct)
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

        return TypedResults.Ok<IReadOnlyList<ReferralDetails>>(await query.OrderBy(r => r.ScheduleBy).Take(MaxListed).ToListAsync(ct));
    }

    private static async Task<Ok<IReadOnlyList<ReferralDetails>>> GetVisitReferrals(Guid visitId, IQuerySession session, CancellationToken ct)
    {
        await LoadVisit(session, visitId, ct);
        return TypedResults.Ok(await session.Query<ReferralDetails>().Where(r => r.VisitId == visitId).OrderBy(r => r.CreatedAt).ToListAsync(ct));
    }

    private static async Task<Ok<IReadOnlyList<ReferralDetails>>> GetPatientReferrals(Guid patientId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.Query<ReferralDetails>().Where(r => r.PatientId == patientId).OrderByDescending(r => r.CreatedAt).ToListAsync(ct));

    /// <summary>One decision on one referral (see <see cref="StreamCommands"/>); the answer is the referral after it.</summary>
    private static async Task<Ok<ReferralDetails>> DecideAsync(
        Guid referralId, IDocumentSession session, HttpContext http, ILogger logger, string what, Func<Referral, IReadOnlyList<object>> decide,
        CancellationToken ct)
    {
        var (referral, _) = await session.DecideAsync(referralId, http, decide, () => UnknownReferral(referralId), ct);
        logger.LogInformation("Referral {ReferralId} from visit {VisitId}: {What}", referralId, referral.VisitId, what);
        return TypedResults.Ok(await LoadReferral(session, referralId, ct));
    }

    /// <summary>An enum as the API writes it (kebab-case), or 422 naming the parameter.</summary>
    private static T? Word<T>(string field, string? value) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.TryParse<T>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && !int.TryParse(value, out _) ? parsed
        : throw new InvalidFieldException(field, $"must be one of {string.Join(", ", Enum.GetNames<T>().Select(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName))}");

    /// <summary>The signed-in user (token subject).</summary>
    private static string Who(HttpContext http) => http.User.Identity?.Name ?? "unknown";

    private static async Task<Visit> LoadVisit(IQuerySession session, Guid visitId, CancellationToken ct) =>
        await session.LoadAsync<Visit>(visitId, ct) ?? throw new NotFoundException($"visit {visitId} is not known to referral");

    private static async Task<ReferralDetails> LoadReferral(IQuerySession session, Guid referralId, CancellationToken ct) =>
        await session.LoadAsync<ReferralDetails>(referralId, ct) ?? throw UnknownReferral(referralId);

    private static NotFoundException UnknownReferral(Guid referralId) => new($"referral {referralId} not found");
}
