namespace PatientFlow.Tracking.Journeys.ListingByStage;

/// <summary>Visits by current stage: one column per stage in visit order, empty ones included, so a board's layout never shifts.</summary>
public sealed record StageSummary(DateTimeOffset GeneratedAt, IReadOnlyList<BoardColumn> Columns)
{
    public static StageSummary Build(IEnumerable<VisitJourney> journeys, DateTimeOffset now)
    {
        var byStage = journeys
            .Where(journey => journey is { CurrentStage: not null, StageEnteredAt: not null })
            .ToLookup(journey => journey.CurrentStage!.Value);
        var columns = Enum.GetValues<VisitStage>()
            .Select(stage => BoardColumn.Of(stage, byStage[stage], now))
            .ToArray();
        return new StageSummary(now, columns);
    }
}

public sealed record BoardColumn(VisitStage Stage, int Count, IReadOnlyList<BoardVisit> Visits)
{
    /// <summary>Longest in the stage first: the visits most likely to need someone.</summary>
    public static BoardColumn Of(VisitStage stage, IEnumerable<VisitJourney> journeys, DateTimeOffset now)
    {
        var visits = journeys.OrderBy(journey => journey.StageEnteredAt).Select(journey => BoardVisit.From(journey, now)).ToArray();
        return new BoardColumn(stage, visits.Length, visits);
    }
}

/// <summary>Ids only: tracking holds no names, so the board carries none.</summary>
public sealed record BoardVisit(
    Guid VisitId,
    Guid PatientId,
    string? Clinic,
    Guid? ProviderId,
    string? Room,
    DateTimeOffset StageEnteredAt,
    int MinutesInStage)
{
    public static BoardVisit From(VisitJourney journey, DateTimeOffset now)
    {
        var entered = journey.StageEnteredAt!.Value;
        // A clinic clock slightly ahead of ours must not show negative waits.
        var minutes = Math.Max(0, (int)Math.Floor((now - entered).TotalMinutes));
        return new BoardVisit(journey.VisitId, journey.PatientId, journey.Clinic, journey.ProviderId, journey.Room, entered, minutes);
    }
}
