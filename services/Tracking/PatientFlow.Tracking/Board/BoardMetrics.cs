using System.Diagnostics.Metrics;
using PatientFlow.ServiceDefaults.Observability;

namespace PatientFlow.Tracking.Board;

/// <summary>
/// Queue lengths and waits per clinic and stage, read from the live board when scraped: how many visits are in each
/// stage now, and how long they have been there (median, 90th percentile, longest).
/// </summary>
public sealed class BoardMetrics : IDisposable
{
    private readonly Meter _meter = new(TelemetryExtensions.PatientFlowSource);

    public BoardMetrics(LiveBoard board, TimeProvider clock)
    {
        _meter.CreateObservableGauge("patientflow.tracking.queue.length", () => Groups(board)
                .Select(g => new Measurement<int>(g.Cards.Count, Tags(g.Clinic, g.Stage))),
            description: "Visits in each stage now, by clinic.");
        _meter.CreateObservableGauge("patientflow.tracking.stage.wait", () => Groups(board)
                .SelectMany(g => Waits(g.Clinic, g.Stage, g.Cards, clock.GetUtcNow())),
            unit: "s", description: "Time the visits now in each stage have spent in it: p50, p90 and max, by clinic.");
        _meter.CreateObservableGauge("patientflow.tracking.board.viewers", () => board.Viewers,
            description: "Flow board viewers connected to this instance.");
    }

    private static IEnumerable<(string Clinic, BoardStage Stage, List<BoardCard> Cards)> Groups(LiveBoard board) => board.Cards(BoardFilter.All)
        .GroupBy(card => (Clinic: card.Clinic ?? "unknown", card.Stage))
        .Select(g => (g.Key.Clinic, g.Key.Stage, g.ToList()));

    private static IEnumerable<Measurement<double>> Waits(string clinic, BoardStage stage, List<BoardCard> cards, DateTimeOffset now)
    {
        var seconds = cards.Select(card => Math.Max(0, (now - card.StageEnteredAt).TotalSeconds)).Order().ToList();
        yield return new Measurement<double>(Analytics.Distribution.NearestRank(seconds, 50)!.Value, [.. Tags(clinic, stage), new("quantile", "0.5")]);
        yield return new Measurement<double>(Analytics.Distribution.NearestRank(seconds, 90)!.Value, [.. Tags(clinic, stage), new("quantile", "0.9")]);
        yield return new Measurement<double>(seconds[^1], [.. Tags(clinic, stage), new("quantile", "1")]);
    }

    private static KeyValuePair<string, object?>[] Tags(string clinic, BoardStage stage) =>
        [new("clinic", clinic), new("stage", BoardOptions.NameOf(stage))];

    public void Dispose() => _meter.Dispose();
}
