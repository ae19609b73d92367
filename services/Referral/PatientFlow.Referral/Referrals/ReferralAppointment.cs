using JasperFx;

namespace PatientFlow.Referral.Referrals;

/// <summary>Which referral an in-network appointment answers: how a no-show or cancellation in scheduling finds its referral.</summary>
public sealed record ReferralAppointment([property: Identity] Guid AppointmentId, Guid ReferralId);
