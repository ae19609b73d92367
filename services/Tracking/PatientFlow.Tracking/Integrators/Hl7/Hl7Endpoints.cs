using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Tracking.Access;
using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>The HL7 interface as its operators see it: how far the sender is, whether it is stuck, and what the receiver refused.</summary>
public static class Hl7Endpoints
{
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapHl7Endpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/tracking/hl7").RequireAuthorization(AccessPolicies.IntegratorFeed).WithTags("HL7 v2 feed")
            .MapGet("/deliveries", GetDeliveriesAsync).Audited("hl7-delivery", AuditAction.Disclosure);
        return app;
    }

    /// <summary>
    /// The sender's status, and up to <c>limit</c> (default 50) refused messages of the caller's clinics, newest first.
    /// Integrators need the <c>hl7</c> scope; operations staff, who run the interface, read it by their role.
    /// </summary>
    private static async Task<Ok<Hl7DeliveriesResponse>> GetDeliveriesAsync(
        int? limit, ClaimsPrincipal user, ClinicScope granted, IQuerySession session, IOptions<Hl7FeedOptions> options, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Ops) && !user.HasScope(TokenScopes.Hl7))
        {
            throw new NotGrantedException("scope", $"the HL7 interface needs the {TokenScopes.Hl7} scope");
        }

        var max = limit ?? 50;
        if (max is < 1 or > MaxLimit)
        {
            throw new InvalidFieldException("limit", $"must be between 1 and {MaxLimit}");
        }

        var cursor = await session.LoadAsync<FeedCursor>(Hl7Sender.Name, ct);
        var status = await session.LoadAsync<Hl7SenderStatus>(Hl7Sender.Name, ct);
        var deliveries = session.Query<Hl7Delivery>().AsQueryable();
        if (granted.Clinics is { } clinics)
        {
            // The receiver's reason may quote the message: another clinic's refusals stay out of sight.
            var mine = clinics.ToArray();
            deliveries = deliveries.Where(delivery => delivery.Clinic.IsOneOf(mine));
        }

        var refused = await deliveries.OrderByDescending(delivery => delivery.At).Take(max).ToListAsync(ct);
        var sender = new Hl7SenderView(
            options.Value.Enabled, cursor?.Position, cursor?.UpdatedAt, status?.LastAck, status?.LastAckAt, status?.Retrying ?? false,
            status?.Retrying == true ? status.ControlId : null, status?.Retrying == true ? status.Attempts : 0, status?.Retrying == true ? status.LastFailure : null);
        return TypedResults.Ok(new Hl7DeliveriesResponse(sender, refused));
    }
}

/// <summary>The sender's refusal log, newest first, and its status.</summary>
public sealed record Hl7DeliveriesResponse(Hl7SenderView Sender, IReadOnlyList<Hl7Delivery> Deliveries);

/// <summary>How far the HL7 sender is and whether it is holding on a message.</summary>
/// <param name="Configured">Whether this instance has an interface configured (<c>Tracking:Hl7:Host</c>).</param>
/// <param name="Position">The cursor: every event up to here is settled (accepted, refused or without a message).</param>
/// <param name="CursorUpdatedAt">When the cursor last moved.</param>
/// <param name="LastAck">MSA-1 of the last message settled.</param>
/// <param name="LastAckAt">When it was settled.</param>
/// <param name="Retrying">True while one message is being sent again and everything after it waits.</param>
/// <param name="RetryingControlId">That message's MSH-10.</param>
/// <param name="Attempts">Its sends so far.</param>
/// <param name="LastFailure">Why its last send failed: an ACK code (<c>AE</c>) or the kind of error.</param>
public sealed record Hl7SenderView(
    bool Configured, long? Position, DateTimeOffset? CursorUpdatedAt, string? LastAck, DateTimeOffset? LastAckAt, bool Retrying,
    string? RetryingControlId, int Attempts, string? LastFailure);
