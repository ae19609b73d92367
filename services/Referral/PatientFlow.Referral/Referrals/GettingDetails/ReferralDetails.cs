using JasperFx;

namespace PatientFlow.Referral.Referrals.GettingDetails;

/// <summary>A referral as the care team sees it, kept by an inline projection of the referral stream.</summary>
public sealed record ReferralDetails(
    [property: Identity] Guid ReferralId,
    Guid VisitId,
    Guid PatientId,
    ReferralKind Kind,
    string Specialty,
    ReferralUrgency Urgency,
    string Reason,
    ReferralStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ScheduleBy)
{
    public static ReferralDetails Create(ReferralCreated created) => new(
        created.ReferralId, created.VisitId, created.PatientId, created.Kind, created.Specialty, created.Urgency,
        created.Reason, ReferralStatus.Created, created.CreatedAt, created.ScheduleBy);
}
