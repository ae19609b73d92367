using PatientFlow.Referral.Visits;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Referral.Referrals.Creating;

/// <summary>Refer the patient of a visit to a specialist, to imaging or for admission.</summary>
public sealed record CreateReferral(
    Guid VisitId,
    ReferralKind? Kind = null,
    string? Specialty = null,
    ReferralUrgency? Urgency = null,
    string? Reason = null);

public static class CreateReferralDecider
{
    public const int MaxSpecialtyLength = 64;
    public const int MaxReasonLength = 500;

    public static IReadOnlyList<object> Decide(
        Visit visit, CreateReferral command, ReferralDeadlines deadlines, Guid referralId, DateTimeOffset now)
    {
        var kind = command.Kind ?? throw new InvalidFieldException("kind", "is required: specialist, imaging or admission");
        // Specialties are matched by the receiving side, so they are kept in one case.
        var specialty = Text("specialty", command.Specialty, MaxSpecialtyLength).ToLowerInvariant();
        var urgency = command.Urgency ?? throw new InvalidFieldException("urgency", "is required: routine, urgent or emergent");
        var reason = Text("reason", command.Reason, MaxReasonLength);
        return
        [
            new ReferralCreated(
                referralId, visit.VisitId, visit.PatientId, kind, specialty, urgency, reason, now, deadlines.ScheduleBy(urgency, now)),
        ];
    }

    private static string Text(string field, string? entered, int maxLength)
    {
        var text = entered?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new InvalidFieldException(field, "is required");
        }

        return text.Length > maxLength ? throw new InvalidFieldException(field, $"must be at most {maxLength} characters") : text;
    }
}
