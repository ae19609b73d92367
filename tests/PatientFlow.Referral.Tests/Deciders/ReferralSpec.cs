using PatientFlow.Referral.Referrals.Creating;
using PatientFlow.Referral.Referrals;
using PatientFlow.Referral.Visits;
using PatientFlow.Testing;

namespace PatientFlow.Referral.Tests.Deciders;

/// <summary>Given(a known visit).When(create).Then(events): creation is decided from the visit alone.</summary>
internal static class ReferralSpec
{
    public static readonly Guid VisitId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid ReferralId = Guid.CreateVersion7();
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 30, 0, TimeSpan.FromHours(-5));
    public static readonly Visit Visit = new(VisitId, PatientId, Guid.CreateVersion7(), "north");

    public static readonly ReferralDeadlines Deadlines = new(new Dictionary<ReferralUrgency, TimeSpan>
    {
        [ReferralUrgency.Routine] = TimeSpan.FromDays(14),
        [ReferralUrgency.Urgent] = TimeSpan.FromDays(3),
        [ReferralUrgency.Emergent] = TimeSpan.FromDays(1),
    });

    public static DecisionOutcome When(CreateReferral command) =>
        new(() => CreateReferralDecider.Decide(Visit, command, Deadlines, ReferralId, Now));
}
