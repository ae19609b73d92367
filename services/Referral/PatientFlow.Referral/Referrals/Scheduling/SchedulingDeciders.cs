using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.Referral.Referrals.Authorizing;
using PatientFlow.Referral.Referrals.GettingDetails;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Referral.Referrals.Scheduling;

/// <summary>Book an in-network slot found with <c>GET /referrals/{id}/slots</c>.</summary>
public sealed record BookInNetwork(Guid? ProviderId = null, Guid? SlotId = null, string? VisitType = null);

/// <summary>Record an appointment made outside the network: where and when.</summary>
public sealed record RecordExternalBooking(string? Facility = null, DateTimeOffset? AppointmentAt = null);

/// <summary>The appointment scheduling booked, as its gRPC answer described it.</summary>
public sealed record BookedSlot(Guid AppointmentId, Guid ProviderId, string Clinic, DateTimeOffset StartsAt);

public static class SchedulingDeciders
{
    /// <summary>GET /referrals/{referralId}/slots: free in-network slots of the referral's specialty on a clinic day, from scheduling over gRPC.</summary>
    public static async Task<Ok<IReadOnlyList<SlotOffer>>> FindSlots(
        Guid referralId, [FromQuery] DateOnly? date, [FromQuery] string? clinic, IQuerySession session, SchedulingClient scheduling, HttpContext http,
        CancellationToken ct)
    {
        var referral = await ReferralDetails.LoadAsync(session, referralId, ct);
        var day = date ?? throw new InvalidFieldException("date", "is required, e.g. 2026-03-04");
        return TypedResults.Ok(await scheduling.FindFreeSlotsAsync(referral.Specialty, clinic, day, http.Request.Headers.Authorization, ct));
    }

    /// <summary>
    /// POST /referrals/{referralId}/booking: books the slot in scheduling over gRPC, then records it. The booking is idempotent on the
    /// referral's booking request id, so a retry after a lost answer (ours or scheduling's) gets the same appointment, never a second one.
    /// </summary>
    public static Task<Ok<ReferralDetails>> HandleBookInNetwork(
        Guid referralId, BookInNetwork command, ReferralCommands commands, IDocumentSession session, SchedulingClient scheduling, HttpContext http,
        CancellationToken ct) =>
        commands.DecideAsync(referralId, async (referral, who, now) =>
        {
            var bookable = EnsureBookable(referral, command, now);
            var booked = await scheduling.BookAsync(referral, bookable, http.Request.Headers.Authorization, ct);
            session.Store(new ReferralAppointment(booked.AppointmentId, referralId));
            return BookedInNetwork(referral, booked, who, now);
        });

    /// <summary>POST /referrals/{referralId}/external-booking</summary>
    public static Task<Ok<ReferralDetails>> HandleBookedExternally(Guid referralId, RecordExternalBooking command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, who, now) => BookedExternally(referral, command, who, now));

    public const string DefaultVisitType = "new-patient";

    /// <summary>
    /// Checked before scheduling is called: the referral waits for scheduling, an admission is not booked into a clinic
    /// slot, and a requested authorization must be approved and not expired.
    /// </summary>
    public static BookInNetwork EnsureBookable(Referral referral, BookInNetwork command, DateTimeOffset now)
    {
        EnsureSchedulable(referral, now);
        if (referral.Kind == ReferralKind.Admission)
        {
            throw new ConflictException($"referral {referral.Id} is an admission: record the admission's date with the facility (external booking)");
        }

        return command with
        {
            ProviderId = command.ProviderId ?? throw new InvalidFieldException("providerId", "is required"),
            SlotId = command.SlotId ?? throw new InvalidFieldException("slotId", "is required"),
            VisitType = Text.Optional("visitType", command.VisitType, 32)?.ToLowerInvariant() ?? DefaultVisitType,
        };
    }

    public static IReadOnlyList<object> BookedInNetwork(Referral referral, BookedSlot booked, string scheduledBy, DateTimeOffset now) =>
    [
        new ReferralScheduled(
            referral.Id, referral.VisitId, referral.PatientId, true, booked.AppointmentId, booked.ProviderId, booked.Clinic, booked.StartsAt, scheduledBy, now),
    ];

    public static IReadOnlyList<object> BookedExternally(Referral referral, RecordExternalBooking command, string scheduledBy, DateTimeOffset now)
    {
        EnsureSchedulable(referral, now);
        var facility = Text.Required("facility", command.Facility, 100);
        var at = command.AppointmentAt ?? throw new InvalidFieldException("appointmentAt", "is required");
        return at < referral.ScheduleBy.AddYears(-1)
            ? throw new InvalidFieldException("appointmentAt", "is not a plausible appointment time for this referral")
            : [new ReferralScheduled(referral.Id, referral.VisitId, referral.PatientId, false, null, null, facility, at, scheduledBy, now)];
    }

    private static void EnsureSchedulable(Referral referral, DateTimeOffset now)
    {
        referral.EnsureOpen();
        if (referral.Status == ReferralStatus.Scheduled)
        {
            throw new ConflictException($"referral {referral.Id} is already scheduled at {referral.Appointment!.Facility} on {referral.Appointment.At:O}");
        }

        var authorization = referral.Authorization;
        switch (authorization.Status)
        {
            case AuthorizationStatus.Requested:
                throw new ConflictException($"referral {referral.Id}'s prior authorization is still pending", "authorization");
            case AuthorizationStatus.Denied:
                throw new ConflictException($"referral {referral.Id}'s prior authorization was denied; appeal it first", "authorization");
            case AuthorizationStatus.Approved when authorization.ValidTo < DateOnly.FromDateTime(now.UtcDateTime):
                throw new ConflictException(
                    $"authorization {authorization.Number} expired on {authorization.ValidTo:yyyy-MM-dd}", "authorization");
        }
    }

    internal static string Word<T>(T value) where T : struct, Enum => AuthorizationDeciders.Word(value);
}
