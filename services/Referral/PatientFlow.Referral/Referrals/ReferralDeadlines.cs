using System.Globalization;

namespace PatientFlow.Referral.Referrals;

/// <summary>How long the receiving side has to schedule a referral, per urgency, from <c>Referral:Deadlines</c>.</summary>
public sealed class ReferralDeadlines
{
    private readonly IReadOnlyDictionary<ReferralUrgency, TimeSpan> _deadlines;

    public ReferralDeadlines(IReadOnlyDictionary<ReferralUrgency, TimeSpan> deadlines)
    {
        foreach (var urgency in Enum.GetValues<ReferralUrgency>())
        {
            if (!deadlines.TryGetValue(urgency, out var deadline) || deadline <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"Referral:Deadlines:{urgency} must be a positive time span.");
            }
        }

        _deadlines = deadlines;
    }

    public DateTimeOffset ScheduleBy(ReferralUrgency urgency, DateTimeOffset createdAt) => createdAt + _deadlines[urgency];

    /// <summary>Values are time spans, <c>d.hh:mm:ss</c>: <c>"14.00:00:00"</c> is fourteen days.</summary>
    public static ReferralDeadlines FromConfiguration(IConfigurationSection deadlines) => new(
        deadlines.GetChildren().ToDictionary(
            entry => Enum.TryParse<ReferralUrgency>(entry.Key, ignoreCase: true, out var urgency)
                ? urgency
                : throw new InvalidOperationException($"Referral:Deadlines:{entry.Key} is not an urgency."),
            entry => TimeSpan.TryParseExact(entry.Value, "d\\.hh\\:mm\\:ss", CultureInfo.InvariantCulture, out var deadline)
                ? deadline
                : throw new InvalidOperationException($"Referral:Deadlines:{entry.Key} is not a time span like 14.00:00:00.")));
}
