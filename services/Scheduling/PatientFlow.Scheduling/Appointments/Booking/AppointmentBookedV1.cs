namespace PatientFlow.Scheduling.Appointments.Booking;

/// <summary>Who made a booking. Referrals book into scheduling too (over gRPC), and their visits are tracked apart.</summary>
public static class BookingChannels
{
    public const string FrontDesk = "front-desk";
    public const string Referral = "referral";
    public const string WalkIn = "walk-in";
    public const string Waitlist = "waitlist";
    public const string FollowUp = "follow-up";
}

/// <summary>
/// The first stored shape of <see cref="AppointmentBooked"/> (event type <c>appointment_booked</c>),
/// written before bookings recorded their channel. Every booking then came from the front desk, so
/// the upcast says so; the stored rows are never rewritten.
/// </summary>
public sealed record AppointmentBookedV1(
    Guid AppointmentId,
    Guid PatientId,
    Guid ProviderId,
    Guid SlotId,
    string Clinic,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string VisitType,
    DateTimeOffset BookedAt)
{
    public const string StoredName = "appointment_booked";
    public const string CurrentStoredName = "appointment_booked_v2";

    public AppointmentBooked Upcast() => new(
        AppointmentId, PatientId, ProviderId, SlotId, Clinic, StartsAt, EndsAt, VisitType, BookedAt, BookingChannels.FrontDesk);
}
