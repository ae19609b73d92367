using System.Text.Json;

namespace PatientFlow.Tracking.Board;

/// <summary>Amber and red after this long in a stage.</summary>
public sealed record StageThreshold
{
    public TimeSpan Amber { get; init; }

    public TimeSpan Red { get; init; }
}

/// <summary><c>Tracking:Board</c>: colour thresholds per stage and how long cards stay on the board.</summary>
public sealed class BoardOptions
{
    public const string Section = "Tracking:Board";

    /// <summary>By stage, kebab-case as the board names it (<c>arrived</c>, <c>intake-done</c>); a stage without one stays uncoloured.</summary>
    public Dictionary<string, StageThreshold> Thresholds { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A booked visit shows when its start is at most this far from now, either way.</summary>
    public TimeSpan BookedWithin { get; init; } = TimeSpan.FromHours(12);

    /// <summary>A checked-out visit stays this long in the last column.</summary>
    public TimeSpan CheckedOutFor { get; init; } = TimeSpan.FromHours(2);

    /// <summary>A visit still in the clinic (never checked out) leaves the board this long after its last stage.</summary>
    public TimeSpan InClinicFor { get; init; } = TimeSpan.FromHours(24);

    public static string NameOf(BoardStage stage) => JsonNamingPolicy.KebabCaseLower.ConvertName(stage.ToString());

    public StageThreshold? ThresholdOf(BoardStage stage) => Thresholds.TryGetValue(NameOf(stage), out var threshold) ? threshold : null;

    /// <summary>Problems with the settings, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var stages = Enum.GetValues<BoardStage>().Select(NameOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (stage, threshold) in Thresholds)
        {
            if (!stages.Contains(stage))
            {
                problems.Add($"{Section}:Thresholds:{stage} is not a board stage (one of: {string.Join(", ", stages)})");
            }
            else if (threshold.Amber <= TimeSpan.Zero || threshold.Red <= threshold.Amber)
            {
                problems.Add($"{Section}:Thresholds:{stage} needs 0 < Amber < Red");
            }
        }

        if (BookedWithin <= TimeSpan.Zero || CheckedOutFor <= TimeSpan.Zero || InClinicFor <= TimeSpan.Zero)
        {
            problems.Add($"{Section}: BookedWithin, CheckedOutFor and InClinicFor must be positive");
        }

        return problems;
    }
}
