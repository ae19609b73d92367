using System.Security.Claims;
using Marten;
using Marten.Patching;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.Audit;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// Integrators register endpoints, read their delivery logs, and replay what they missed. A webhook belongs to the
/// client that registered it (its token's <c>sub</c>): another client's answers 404, as if it did not exist. A subscription
/// answers its revision as ETag; replays and deactivation sent with <c>If-Match</c> are made only at that revision
/// (<see cref="WebhookChanges"/>). Integrators need the <c>webhooks</c> scope, and a webhook carries no more than the
/// owner's token grants (<see cref="WebhookGrants"/>).
/// </summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/tracking/webhooks")
            .RequireAuthorization(AccessPolicies.IntegratorFeed)
            // A webhook is owned by a subject: a token without one could own nothing.
            .RequireAuthorization(policy => policy.RequireAssertion(context => !string.IsNullOrEmpty(context.User.FindFirstValue("sub"))))
            .AddEndpointFilter(WebhookGrants.RequireScope)
            .WithTags("Webhooks");
        webhooks.Audited("webhook-subscription");
        webhooks.MapPost("/", RegisterAsync);
        webhooks.MapGet("/", ListAsync);
        webhooks.MapGet("/{id:guid}", GetAsync);
        webhooks.MapDelete("/{id:guid}", DeactivateAsync);
        webhooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync);
        webhooks.MapPost("/{id:guid}/replay", ReplayAsync);
        webhooks.MapPost("/{id:guid}/dead-letters/replay", ReplayDeadLettersAsync);
        return app;
    }

    /// <summary>
    /// Registers an endpoint, owned by the caller. Deliveries start after <c>after</c> (a feed position) when given,
    /// else with the next event. A generated secret is answered once, here; a given one is not echoed.
    /// </summary>
    private static async Task<Created<RegisteredWebhook>> RegisterAsync(
        RegisterWebhook request, ClaimsPrincipal user, ClinicScope clinics, IDocumentSession session, FeedHub hub, WebhookSecrets secrets,
        IOptions<WebhookOptions> options, IHostEnvironment environment, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url))
        {
            throw new InvalidFieldException("url", "must be an absolute URL");
        }

        if (await TargetGuard.ProblemWithAsync(url, TargetPolicy.For(environment, options.Value), ct) is { } problem)
        {
            throw new InvalidFieldException("url", problem);
        }

        var query = WebhookGrants.ForRegistration(
            FeedQuery.Parse(string.Join(',', request.EventTypes ?? []), string.Join(',', request.Clinics ?? []), null, request.Scope), user, clinics);
        var secret = request.Secret ?? WebhookSignature.NewSecret();
        if (WebhookSignature.KeyOf(secret) is null)
        {
            throw new InvalidFieldException("secret", "must be whsec_ followed by 24 to 64 bytes in base64");
        }

        if (request.After is < 0)
        {
            throw new InvalidFieldException("after", "must be a feed position (0 or more)");
        }

        var format = request.Format switch
        {
            null or "" or "cloudevents" => WebhookFormat.CloudEvents,
            "fhir" when query.Scope == PayloadScope.Clinical => WebhookFormat.Fhir,
            "fhir" => throw new InvalidFieldException("format", "FHIR resources carry clinical detail: choose the clinical scope for them"),
            _ => throw new InvalidFieldException("format", "must be cloudevents or fhir"),
        };
        var subscription = new WebhookSubscription(
            Guid.CreateVersion7(), url, [.. query.Types], [.. query.Clinics], query.Scope, Secret: null,
            user.FindFirstValue("sub")!, clock.GetUtcNow(), request.After ?? hub.SafePosition)
        {
            Format = format,
            ProtectedSecret = secrets.Protect(secret),
        };
        session.Store(subscription);
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, subscription.Revision);
        return TypedResults.Created($"/api/tracking/webhooks/{subscription.Id}", RegisteredWebhook.From(subscription, request.Secret is null ? secret : null));
    }

    private static async Task<Ok<IReadOnlyList<RegisteredWebhook>>> ListAsync(ClaimsPrincipal user, ClinicScope clinics, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<WebhookSubscription>().AsQueryable();
        if (WebhookChanges.OwnerSeenBy(user) is { } owner)
        {
            query = query.Where(s => s.CreatedBy == owner);
        }

        var seen = (await query.ToListAsync(ct)).Where(s => WebhookChanges.Sees(user, clinics, s));
        return TypedResults.Ok<IReadOnlyList<RegisteredWebhook>>([.. seen.Select(s => RegisteredWebhook.From(s, null))]);
    }

    private static async Task<Ok<RegisteredWebhook>> GetAsync(Guid id, ClaimsPrincipal user, ClinicScope clinics, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var subscription = await LoadAsync(session, id, user, clinics, ct);
        StreamVersion.SetETag(http, subscription.Revision);
        return TypedResults.Ok(RegisteredWebhook.From(subscription, null));
    }

    private static async Task<NoContent> DeactivateAsync(Guid id, ClaimsPrincipal user, ClinicScope clinics, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        await session.ChangeAsync(id, user, clinics, http, ct);
        // A patch, not a store: the webhook worker moves the cursor meanwhile, and only it may.
        session.Patch<WebhookSubscription>(id).Set(s => s.Active, false);
        await session.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The delivery log, newest first: each delivery's status and its attempts (time, answer, duration).</summary>
    private static async Task<Ok<IReadOnlyList<DeliveryView>>> DeliveriesAsync(
        Guid id, string? status, int? limit, ClaimsPrincipal user, ClinicScope clinics, IQuerySession session, CancellationToken ct)
    {
        await LoadAsync(session, id, user, clinics, ct);
        var query = session.Query<WebhookDelivery>().Where(d => d.SubscriptionId == id);
        if (status is { Length: > 0 })
        {
            var wanted = status switch
            {
                "pending" => DeliveryStatus.Pending,
                "delivered" => DeliveryStatus.Delivered,
                "dead-lettered" => DeliveryStatus.DeadLettered,
                _ => throw new InvalidFieldException("status", "must be pending, delivered or dead-lettered"),
            };
            query = query.Where(d => d.Status == wanted);
        }

        var max = limit ?? 100;
        if (max is < 1 or > 1000)
        {
            throw new InvalidFieldException("limit", "must be between 1 and 1000");
        }

        var deliveries = await query.OrderByDescending(d => d.Position).Take(max).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<DeliveryView>>([.. deliveries.Select(DeliveryView.From)]);
    }

    /// <summary>
    /// Delivers again every matching event after <c>after</c>, whatever happened to it before: within the webhook's clinics
    /// and scope, cut to the owner's token first.
    /// </summary>
    private static async Task<Accepted> ReplayAsync(
        Guid id, ReplayWebhook request, ClaimsPrincipal user, ClinicScope clinics, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (request.After is < 0)
        {
            throw new InvalidFieldException("after", "must be a feed position (0 or more)");
        }

        var subscription = await session.ChangeAsync(id, user, clinics, http, ct);
        var requeueFrom = await session.NarrowToAsync(subscription, user, clinics, ct);
        session.Patch<WebhookSubscription>(id).Set(s => s.ReplayAfter, (long?)Math.Min(request.After, requeueFrom ?? long.MaxValue));
        await session.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/tracking/webhooks/{id}/deliveries");
    }

    /// <summary>Puts dead-lettered deliveries back in the queue with a fresh retry period.</summary>
    private static async Task<Ok<ReplayedDeadLetters>> ReplayDeadLettersAsync(
        Guid id, ClaimsPrincipal user, ClinicScope clinics, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var subscription = await session.ChangeAsync(id, user, clinics, http, ct);
        if (await session.NarrowToAsync(subscription, user, clinics, ct) is { } requeueFrom)
        {
            session.Patch<WebhookSubscription>(id).Set(s => s.ReplayAfter, (long?)Math.Min(requeueFrom, subscription.ReplayAfter ?? long.MaxValue));
        }

        var dead = await session.Query<WebhookDelivery>().Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.DeadLettered).ToListAsync(ct);
        foreach (var delivery in dead)
        {
            session.Store(delivery with { Status = DeliveryStatus.Pending, FirstAttemptAt = null, NextAttemptAt = clock.GetUtcNow() });
        }

        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(new ReplayedDeadLetters(dead.Count));
    }

    /// <summary>A subscription the caller may see; another client's is not found, so its existence is not given away.</summary>
    private static async Task<WebhookSubscription> LoadAsync(IQuerySession session, Guid id, ClaimsPrincipal user, ClinicScope clinics, CancellationToken ct) =>
        await session.LoadAsync<WebhookSubscription>(id, ct) is { } subscription && WebhookChanges.Sees(user, clinics, subscription)
            ? subscription
            : throw WebhookChanges.NotFound(id);
}

/// <param name="Url">Where deliveries are POSTed.</param>
/// <param name="EventTypes">Event types (CloudEvents type or short name); empty or absent for all.</param>
/// <param name="Clinics">Clinic codes, each granted by the token; empty or absent for every clinic the token grants.</param>
/// <param name="Scope"><c>ids</c> (default) or <c>clinical</c> (needs the token's <c>feed.clinical</c>).</param>
/// <param name="Secret">A <c>whsec_</c> base64 secret; generated and answered once when absent.</param>
/// <param name="After">Feed position to start after; absent: from the next event.</param>
/// <param name="Format"><c>cloudevents</c> (default): the event as data; <c>fhir</c>: the FHIR resources it changed (clinical scope).</param>
public sealed record RegisterWebhook(
    string Url, IReadOnlyList<string>? EventTypes = null, IReadOnlyList<string>? Clinics = null, string? Scope = null, string? Secret = null,
    long? After = null, string? Format = null);

public sealed record ReplayWebhook(long After);

public sealed record ReplayedDeadLetters(int Requeued);

/// <param name="Owner">The client that registered it (its token's subject).</param>
/// <param name="Secret">The generated secret, in the registration's answer only.</param>
public sealed record RegisteredWebhook(
    Guid Id, Uri Url, IReadOnlyList<string> EventTypes, IReadOnlyList<string> Clinics, string Scope, string Format, bool Active, long Cursor,
    DateTimeOffset CreatedAt, string? Secret, string? Owner = null)
{
    public static RegisteredWebhook From(WebhookSubscription s, string? secret) => new(
        s.Id, s.Url, s.EventTypes, s.Clinics, s.Scope == PayloadScope.Clinical ? "clinical" : "ids", s.Format == WebhookFormat.Fhir ? "fhir" : "cloudevents",
        s.Active, s.Cursor, s.CreatedAt, secret, s.CreatedBy);
}

public sealed record DeliveryView(
    long Position, Guid EventId, Guid VisitId, string EventType, string Status, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt,
    IReadOnlyList<DeliveryAttempt> Log)
{
    public static DeliveryView From(WebhookDelivery d) => new(
        d.Position, d.EventId, d.VisitId, d.EventType,
        d.Status switch { DeliveryStatus.Pending => "pending", DeliveryStatus.Delivered => "delivered", _ => "dead-lettered" },
        d.Attempts, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt, d.Log);
}
