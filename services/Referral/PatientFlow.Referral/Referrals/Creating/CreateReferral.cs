using PatientFlow.Platform.Visits;

namespace PatientFlow.Referral.Referrals.Creating;

/// <summary>Refer the patient of a visit to a specialist, to imaging or for admission (naming the admitting facility).</summary>
public sealed record CreateReferral(
    Guid VisitId,
    ReferralKind? Kind = null,
    string? Specialty = null,
    ReferralUrgency? Urgency = null,
    string? Reason = null,
    string? AdmittingFacility = null);

public static class CreateReferralDecider
{
    /// <summary>POST /referrals</summary>
    public static async Task<Created<ReferralDetails>> Handle(
        CreateReferral command, ReferralCommands commands, IQuerySession session, ReferralDeadlines deadlines, ClinicScope scope, CancellationToken ct)
    {
        var visit = await Visit.LoadInScopeAsync(session, scope, command.VisitId, ct);
        var referralId = Guid.CreateVersion7();
        return await commands.StartAsync(referralId, $"/api/referral/referrals/{referralId}", Decide(visit, command, deadlines, referralId, commands.Now));
    }

    public const int MaxSpecialtyLength = 64;
    public const int MaxReasonLength = 500;

    public static IReadOnlyList<object> Decide(
        Visit visit, CreateReferral command, ReferralDeadlines deadlines, Guid referralId, DateTimeOffset now)
    {
        var kind = command.Kind ?? throw new InvalidFieldException("kind", "is required: specialist, imaging or admission");
        // Specialties are matched by the receiving side, so they are kept in one case.
        var specialty = TextField.Required("specialty", command.Specialty, MaxSpecialtyLength).ToLowerInvariant();
        var urgency = command.Urgency ?? throw new InvalidFieldException("urgency", "is required: routine, urgent or emergent");
        var reason = TextField.Required("reason", command.Reason, MaxReasonLength);
        var facility = kind == ReferralKind.Admission
            ? TextField.Required("admittingFacility", command.AdmittingFacility, 100)
            : TextField.Optional("admittingFacility", command.AdmittingFacility) is null
                ? null
                : throw new InvalidFieldException("admittingFacility", "is only for admission referrals");
        var created = new ReferralCreated(
            referralId, visit.VisitId, visit.PatientId, kind, specialty, urgency, reason, now, deadlines.ScheduleBy(urgency, now), facility);
        return facility is null
            ? [created]
            : [created, new AdmissionRequested(referralId, visit.VisitId, visit.PatientId, facility, urgency, now)];
    }
}
