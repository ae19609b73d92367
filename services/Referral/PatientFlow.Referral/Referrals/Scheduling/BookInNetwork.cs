using Microsoft.AspNetCore.Mvc;
using PatientFlow.Referral.Referrals.Authorizing;

namespace PatientFlow.Referral.Referrals.Scheduling;

/// <summary>Book an in-network slot found with <c>GET /referrals/{id}/slots</c>.</summary>
public sealed record BookInNetwork(Guid? ProviderId = null, Guid? SlotId = null, string? VisitType = null);

/// <summary>The appointment scheduling booked, as its gRPC answer described it.</summary>
public sealed record BookedSlot(Guid AppointmentId, Guid ProviderId, string Clinic, DateTimeOffset StartsAt);

public static class BookInNetworkDecider
{
    /// <summary>
    /// POST /referrals/{referralId}/booking: books the slot in scheduling over gRPC, then records it. The booking is idempotent on the
    /// referral's booking request id, so a retry after a lost answer (ours or scheduling's) gets the same appointment, never a second one.
    /// </summary>
    public static Task<Ok<ReferralDetails>> Handle(
        Guid referralId, BookInNetwork command, ReferralCommands commands, IDocumentSession session, SchedulingClient scheduling, HttpContext http,
        CancellationToken ct) =>
        commands.DecideAsync(referralId, async (referral, who, now) =>
        {
            var bookable = EnsureBookable(referral, command, now);
            var booked = await scheduling.BookAsync(referral, bookable, http.Request.Headers.Authorization, ct);
            session.Store(new ReferralAppointment(booked.AppointmentId, referralId));
            return Decide(referral, booked, who, now);
        });

    public static IReadOnlyList<object> Decide(Referral referral, BookedSlot booked, string scheduledBy, DateTimeOffset now) =>
    [
        new ReferralScheduled(
            referral.Id, referral.VisitId, referral.PatientId, true, booked.AppointmentId, booked.ProviderId, booked.Clinic, booked.StartsAt, scheduledBy, now),
    ];

    public const string DefaultVisitType = "new-patient";

    /// <summary>
    /// Checked before scheduling is called: the referral waits for scheduling, an admission is not booked into a clinic
    /// slot, and a requested authorization must be approved and not expired.
    /// </summary>
    public static BookInNetwork EnsureBookable(Referral referral, BookInNetwork command, DateTimeOffset now)
    {
        SchedulingRules.EnsureSchedulable(referral, now);
        if (referral.Kind == ReferralKind.Admission)
        {
            throw new ConflictException($"referral {referral.Id} is an admission: record the admission's date with the facility (external booking)");
        }

        return command with
        {
            ProviderId = command.ProviderId ?? throw new InvalidFieldException("providerId", "is required"),
            SlotId = command.SlotId ?? throw new InvalidFieldException("slotId", "is required"),
            VisitType = TextField.Optional("visitType", command.VisitType, 32)?.ToLowerInvariant() ?? DefaultVisitType,
        };
    }
}
