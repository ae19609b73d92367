using System.Diagnostics.Metrics;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Observability;
using PatientFlow.Tracking.Analytics;
using PatientFlow.Tracking.Board;

namespace PatientFlow.Tracking.Bottlenecks;

/// <summary><c>Tracking:Bottlenecks</c>: how often each clinic is checked, over how long a window of clinic time.</summary>
public sealed class BottleneckOptions
{
    public const string Section = "Tracking:Bottlenecks";

    public TimeSpan CheckEvery { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(60);
}

/// <summary>
/// Checks each clinic with visits in the window and records when its bottleneck appears, moves or clears, as events
/// on the clinic's bottleneck stream. Every tracking instance checks; the stream's expected version lets one record
/// each change. Each instance then shows the recorded state on its board and in its metric.
/// </summary>
public sealed class BottleneckMonitor(
    IDocumentStore store, LiveBoard board, TimeProvider clock, IOptions<BottleneckOptions> options, ILogger<BottleneckMonitor> logger)
    : BackgroundService
{
    private readonly Dictionary<string, BottleneckState> _shown = [];
    private readonly HashSet<(string Clinic, string Interval)> _seen = [];
    private readonly Meter _meter = new(TelemetryExtensions.PatientFlowSource);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _checking = new(1, 1);

    public static Guid StreamOf(string clinic) => StableId.From("bottleneck", clinic);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _meter.CreateObservableGauge("patientflow.tracking.bottleneck", Measure,
            description: "1 for each clinic's waiting stretch that is its bottleneck now, 0 once it cleared.");
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery);
        try
        {
            do
            {
                try
                {
                    await CheckAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Bottleneck check failed; trying again at the next one");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One check of every clinic; checks in this instance never overlap.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        await _checking.WaitAsync(ct);
        try
        {
            await CheckAllAsync(ct);
        }
        finally
        {
            _checking.Release();
        }
    }

    private async Task CheckAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = now - options.Value.Window;
        IReadOnlyList<VisitFlow> visits;
        await using (var query = store.QuerySession())
        {
            visits = await VisitFlows.InWindowAsync(query, from, now, ClinicScope.Every, ct);
        }

        var clinics = visits.Where(v => v.Clinic is not null).GroupBy(v => v.Clinic!).ToDictionary(g => g.Key, g => (IReadOnlyCollection<VisitFlow>)[.. g]);
        lock (_gate)
        {
            // A clinic whose visits all left the window has nothing waiting: its bottleneck, if any, clears.
            foreach (var known in _shown.Keys.Where(clinic => !clinics.ContainsKey(clinic)))
            {
                clinics[known] = [];
            }
        }

        foreach (var (clinic, clinicVisits) in clinics)
        {
            await CheckClinicAsync(clinic, FlowReport.Find(clinicVisits, from, now), now, ct);
        }
    }

    private async Task CheckClinicAsync(string clinic, BottleneckFinding? found, DateTimeOffset now, CancellationToken ct)
    {
        var stream = StreamOf(clinic);
        await using var session = store.LightweightSession();
        var events = await session.Events.FetchStreamAsync(stream, token: ct);
        var state = BottleneckState.Fold(events.Select(e => e.Data));
        var decided = BottleneckDecider.Decide(clinic, state, found, now);
        if (decided.Count > 0)
        {
            if (events.Count == 0)
            {
                session.Events.StartStream(stream, decided);
            }
            else
            {
                session.Events.Append(stream, events.Count + decided.Count, decided);
            }

            try
            {
                await session.SaveChangesAsync(ct);
                state = BottleneckState.Fold(events.Select(e => e.Data).Concat(decided));
                logger.LogInformation("Clinic {Clinic}: bottleneck {Status} ({Interval})", clinic, state.Interval is null ? "cleared" : "found", state.Interval ?? decided.OfType<BottleneckCleared>().First().Interval);
            }
            catch (Exception exception) when (exception is ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException || exception.InnerException is JasperFx.Events.ExistingStreamIdCollisionException)
            {
                // Another instance recorded this change first: show what it recorded.
                await using var reread = store.QuerySession();
                state = BottleneckState.Fold((await reread.Events.FetchStreamAsync(stream, token: ct)).Select(e => e.Data));
            }
        }

        Show(clinic, state, now);
    }

    private void Show(string clinic, BottleneckState state, DateTimeOffset now)
    {
        lock (_gate)
        {
            var before = _shown.GetValueOrDefault(clinic, BottleneckState.None);
            if (before.Interval == state.Interval)
            {
                return;
            }

            _shown[clinic] = state;
            if (before.Interval is { } cleared)
            {
                board.Announce(new BottleneckChanged("cleared", cleared, before.Why ?? string.Empty, clinic, now));
            }

            if (state.Interval is { } appeared)
            {
                _seen.Add((clinic, appeared));
                board.Announce(new BottleneckChanged("appeared", appeared, state.Why ?? string.Empty, clinic, state.Since ?? now));
            }
        }
    }

    /// <summary>1 for each clinic's bottleneck now; 0 for the stretches that were one and cleared, so a dashboard sees it end.</summary>
    public IReadOnlyList<(string Clinic, string Interval, int Value)> Readings()
    {
        lock (_gate)
        {
            return [.. _seen.Select(seen => (seen.Clinic, seen.Interval,
                _shown.TryGetValue(seen.Clinic, out var state) && state.Interval == seen.Interval ? 1 : 0))];
        }
    }

    private IEnumerable<Measurement<int>> Measure() =>
        Readings().Select(reading => new Measurement<int>(reading.Value, new("clinic", reading.Clinic), new("interval", reading.Interval)));

    public override void Dispose()
    {
        _meter.Dispose();
        _checking.Dispose();
        base.Dispose();
    }
}
