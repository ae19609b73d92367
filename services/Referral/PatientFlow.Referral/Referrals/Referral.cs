namespace PatientFlow.Referral.Referrals;

// One stream per referral; the referral id is the stream id. Creation is the only command so far,
// so there is no decision state to rebuild yet: the read model is all that is kept.

/// <summary>A referral was made from a visit; the reason is clinical text and never leaves the service in logs.</summary>
public sealed record ReferralCreated(
    Guid ReferralId,
    Guid VisitId,
    Guid PatientId,
    ReferralKind Kind,
    string Specialty,
    ReferralUrgency Urgency,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset ScheduleBy);

public enum ReferralKind
{
    Specialist,
    Imaging,
    Admission,
}

public enum ReferralUrgency
{
    Routine,
    Urgent,
    Emergent,
}

public enum ReferralStatus
{
    Created,
}
