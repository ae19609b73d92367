using PatientFlow.Platform.Visits;
using PatientFlow.Referral.Referrals;
using PatientFlow.Referral.Referrals.Creating;

namespace PatientFlow.Referral.Tests.Deciders;

/// <summary>Given(a known visit).When(create) for creation; Given(events).When(decision).Then(events) over a referral's state.</summary>
internal static class ReferralSpec
{
    public static readonly Guid VisitId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid ReferralId = Guid.CreateVersion7();
    public static readonly Guid AppointmentId = Guid.CreateVersion7();
    public static readonly Guid ProviderId = Guid.CreateVersion7();
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 30, 0, TimeSpan.FromHours(-5));
    public static readonly DateTimeOffset CreatedAt = Now.AddDays(-1);
    public static readonly Visit Visit = new(VisitId, PatientId, Guid.CreateVersion7(), "north");
    public const string Staff = "test-front-desk";

    public static readonly ReferralDeadlines Deadlines = new(new Dictionary<ReferralUrgency, TimeSpan>
    {
        [ReferralUrgency.Routine] = TimeSpan.FromDays(14),
        [ReferralUrgency.Urgent] = TimeSpan.FromDays(3),
        [ReferralUrgency.Emergent] = TimeSpan.FromDays(1),
    });

    public static DecisionOutcome When(CreateReferral command) =>
        new(() => CreateReferralDecider.Decide(Visit, command, Deadlines, ReferralId, Now));

    public static ReferralCreated Created(ReferralKind kind = ReferralKind.Specialist, ReferralUrgency urgency = ReferralUrgency.Urgent) => new(
        ReferralId, VisitId, PatientId, kind, kind == ReferralKind.Imaging ? "mri" : "cardiology", urgency, "Exertional chest pain", CreatedAt,
        CreatedAt + Deadlines.ScheduleBy(urgency, CreatedAt).Subtract(CreatedAt), kind == ReferralKind.Admission ? "St. Mary's Hospital" : null);

    public static AuthorizationRequested AuthRequested() => new(ReferralId, VisitId, PatientId, "Acme Health", Staff, CreatedAt.AddHours(1));

    public static AuthorizationApproved AuthApproved(DateOnly? validTo = null) => new(
        ReferralId, VisitId, PatientId, "PA-7781", DateOnly.FromDateTime(CreatedAt.UtcDateTime), validTo ?? DateOnly.FromDateTime(Now.UtcDateTime.AddDays(60)), 2,
        CreatedAt.AddHours(2));

    public static AuthorizationDenied AuthDenied() => new(ReferralId, VisitId, PatientId, "not medically necessary", CreatedAt.AddHours(2));

    public static ReferralScheduled BookedInNetwork(DateTimeOffset? at = null) => new(
        ReferralId, VisitId, PatientId, true, AppointmentId, ProviderId, "north", at ?? Now.AddDays(2), Staff, CreatedAt.AddHours(3));

    public static ReferralScheduled BookedOutside(DateTimeOffset? at = null) => new(
        ReferralId, VisitId, PatientId, false, null, null, "Lakeside Imaging", at ?? Now.AddDays(2), Staff, CreatedAt.AddHours(3));

    public static Spec<Referral.Referrals.Referral> Given(params object[] history) => Spec<Referral.Referrals.Referral>.Given(history);
}
