using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientFlow.Contracts;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Tracking.Board;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Benchmarks;

/// <summary>
/// The board's push work per step committed: fold the journey's card, find the viewers who see it, work out their
/// changed room and provider rows, and write each viewer's frames as the stream endpoint does. The baseline is the
/// same move on a board holding only the moving visit; the other runs hold a hospital day's 2,000 active visits
/// across 10 clinics. Viewers: one per clinic plus four watching every clinic, or ten times as many.
/// </summary>
[MemoryDiagnoser]
public class BoardPushBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(-6));
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private LiveBoard _board = null!;
    private readonly List<(ChannelReader<BoardChange> Changes, IDisposable Subscription)> _viewers = [];
    private VisitJourney[] _moves = [];
    private int _next;

    [Params(1, 2_000)]
    public int ActiveVisits { get; set; }

    [Params(14, 140)]
    public int Viewers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _board = new LiveBoard(new FixedOptions(new BoardOptions()), new FixedClock(Start.AddHours(2)), new BoardClock(1), NullLogger<LiveBoard>.Instance);
        var random = new Random(7);
        for (var i = 1; i < ActiveVisits; i++)
        {
            _board.Apply(Fold(Visit(i, random, stages: 1 + random.Next(4))));
        }

        // The moving visits: each arrives, then is roomed, again and again, so every push moves a card between columns.
        _moves = [.. Enumerable.Range(0, 64).SelectMany(i =>
        {
            var events = Visit(100_000 + i, random, stages: 2);
            return new[] { Fold(events.Take(2)), Fold(events) };
        })];
        for (var v = 0; v < Viewers; v++)
        {
            var filter = v % 14 < 10 ? new BoardFilter($"clinic-{v % 14}", null) : BoardFilter.All;
            var (_, changes, subscription) = _board.Watch(filter);
            _viewers.Add((changes, subscription));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (_, subscription) in _viewers)
        {
            subscription.Dispose();
        }
    }

    [Benchmark(Description = "one step pushed to every viewer who sees it")]
    public int PushOneStep()
    {
        _board.Apply(_moves[_next++ % _moves.Length]);
        var bytes = 0;
        foreach (var (changes, _) in _viewers)
        {
            while (changes.TryRead(out var change))
            {
                bytes += Encoding.UTF8.GetByteCount(Frame(change));
            }
        }

        return bytes;
    }

    [Benchmark(Description = "a viewer connecting: snapshot of every clinic")]
    public int Snapshot()
    {
        var (snapshot, _, subscription) = _board.Watch(BoardFilter.All);
        subscription.Dispose();
        return Encoding.UTF8.GetByteCount($"event: snapshot\ndata: {JsonSerializer.Serialize(snapshot, Json)}\n\n");
    }

    private static string Frame(BoardChange change) => change switch
    {
        CardChanged card => $"event: card\ndata: {JsonSerializer.Serialize(card, Json)}\n\n",
        PanelsChanged panels => $"event: panels\ndata: {JsonSerializer.Serialize(panels.Panels, Json)}\n\n",
        _ => string.Empty,
    };

    private static List<IVisitEvent> Visit(int n, Random random, int stages)
    {
        var visit = Guid.CreateVersion7();
        var patient = Guid.CreateVersion7();
        var provider = new Guid(n % 40 + 1, 0, 0, new byte[8]);
        var clinic = $"clinic-{n % 10}";
        var arrived = Start.AddMinutes(random.Next(0, 110));
        var events = new List<IVisitEvent>
        {
            new AppointmentBooked(Guid.CreateVersion7(), visit, patient, Start.AddDays(-3), Start.AddDays(-3), provider, Guid.CreateVersion7(), clinic, arrived, arrived.AddMinutes(20), "follow-up"),
            new PatientCheckedIn(Guid.CreateVersion7(), visit, patient, arrived, arrived, provider, clinic),
        };
        if (stages >= 2)
        {
            events.Add(new PatientRoomed(Guid.CreateVersion7(), visit, patient, arrived.AddMinutes(5), arrived.AddMinutes(5), $"{clinic}-EXAM-{n % 8}"));
        }

        if (stages >= 3)
        {
            events.Add(new VitalsRecorded(Guid.CreateVersion7(), visit, patient, arrived.AddMinutes(10), arrived.AddMinutes(10), []));
        }

        if (stages >= 4)
        {
            events.Add(new ProviderEncounterStarted(Guid.CreateVersion7(), visit, patient, arrived.AddMinutes(20), arrived.AddMinutes(20), provider));
        }

        return events;
    }

    private static VisitJourney Fold(IEnumerable<IVisitEvent> events)
    {
        VisitJourney? journey = null;
        foreach (var step in events.Select(ContractSteps.ToStep))
        {
            journey = journey is null ? VisitJourney.Create(step) : journey.Apply(step);
        }

        return journey!;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class FixedOptions(BoardOptions value) : IOptionsMonitor<BoardOptions>
    {
        public BoardOptions CurrentValue => value;

        public BoardOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<BoardOptions, string?> listener) => null;
    }
}
