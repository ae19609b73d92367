using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PatientFlow.ServiceDefaults.Time;

/// <summary>
/// <c>PatientFlow:Clock</c>: a clinic day played faster than real time. At the real instant <see cref="Anchor"/>
/// the clock reads <see cref="Origin"/>, and from then on it moves <see cref="Speed"/> times as fast as real time.
/// Every process computes the same mapping from the same three values, so their clocks agree whatever second
/// each one started in.
/// </summary>
public sealed record SimulatedClockSettings(DateTimeOffset Origin, DateTimeOffset Anchor, double Speed)
{
    public const string Section = "PatientFlow:Clock";

    public SimulatedClockSettings Validated() => Speed is >= 1 and <= 10_000 && double.IsFinite(Speed)
        ? this
        : throw new InvalidOperationException($"{Section}:Speed must be a number from 1 to 10000, not {Speed.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>The simulated instant at a real one.</summary>
    public DateTimeOffset ToSimulated(DateTimeOffset real) => Origin + (real - Anchor) * Speed;

    /// <summary>The real instant at which the simulated clock reads <paramref name="simulated"/>.</summary>
    public DateTimeOffset ToReal(DateTimeOffset simulated) => Anchor + (simulated - Origin) / Speed;

    /// <summary>The section as environment variables for a child process.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment() => new Dictionary<string, string>
    {
        ["PatientFlow__Clock__Origin"] = Origin.ToString("O", CultureInfo.InvariantCulture),
        ["PatientFlow__Clock__Anchor"] = Anchor.ToString("O", CultureInfo.InvariantCulture),
        ["PatientFlow__Clock__Speed"] = Speed.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Null when the section is absent; all three values otherwise (a half-configured clock is an error, not real time).</summary>
    public static SimulatedClockSettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (!section.GetChildren().Any())
        {
            return null;
        }

        return new SimulatedClockSettings(Instant(section, "Origin"), Instant(section, "Anchor"), SpeedOf(section)).Validated();
    }

    internal static double SpeedOf(IConfigurationSection section) =>
        double.TryParse(Required(section, "Speed"), NumberStyles.Float, CultureInfo.InvariantCulture, out var speed)
            ? speed
            : throw new InvalidOperationException($"{Section}:Speed must be a number.");

    internal static DateTimeOffset Instant(IConfigurationSection section, string key) =>
        DateTimeOffset.TryParse(Required(section, key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new InvalidOperationException($"{Section}:{key} must be an ISO 8601 instant, e.g. 2026-11-23T13:30:00Z.");

    private static string Required(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"{Section}:{key} is not set.");
}

/// <summary>
/// <c>PatientFlow:Clock</c> with <c>StartFile</c> in place of <c>Anchor</c>: the clock holds at <see cref="Origin"/>
/// until the file names the real instant it starts moving from there. Whoever prepares the day starts it once the
/// platform answers and the day is set up (<see cref="SimulatedClock.Start"/>), so a slow start costs no simulated time.
/// </summary>
public sealed record HeldClockSettings(DateTimeOffset Origin, double Speed, string StartFile)
{
    public HeldClockSettings Validated()
    {
        // The speed's rule is the moving clock's.
        new SimulatedClockSettings(Origin, Origin, Speed).Validated();
        return Path.IsPathFullyQualified(StartFile)
            ? this
            : throw new InvalidOperationException($"{SimulatedClockSettings.Section}:StartFile must be a full path, not '{StartFile}'.");
    }

    /// <summary>The mapping from the real instant the file names; null while it names none (absent, or being written).</summary>
    public SimulatedClockSettings? Started()
    {
        try
        {
            return File.Exists(StartFile)
                && DateTimeOffset.TryParse(File.ReadAllText(StartFile).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var anchor)
                    ? new SimulatedClockSettings(Origin, anchor, Speed)
                    : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The section as environment variables for a child process.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment() => new Dictionary<string, string>
    {
        ["PatientFlow__Clock__Origin"] = Origin.ToString("O", CultureInfo.InvariantCulture),
        ["PatientFlow__Clock__StartFile"] = StartFile,
        ["PatientFlow__Clock__Speed"] = Speed.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Null when the section names no start file; the held clock otherwise (with an anchor as well, it is an error).</summary>
    public static HeldClockSettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SimulatedClockSettings.Section);
        if (section["StartFile"] is not { Length: > 0 } startFile)
        {
            return null;
        }

        if (section["Anchor"] is { Length: > 0 })
        {
            throw new InvalidOperationException($"{SimulatedClockSettings.Section} takes an Anchor or a StartFile, not both.");
        }

        return new HeldClockSettings(SimulatedClockSettings.Instant(section, "Origin"), SimulatedClockSettings.SpeedOf(section), startFile).Validated();
    }
}

/// <summary>
/// Simulated time for everything that asks the injected <see cref="TimeProvider"/> what time it is. Timers and
/// timestamps stay real: a sweep every 30 s still runs every 30 real seconds, and timeouts are not shortened.
/// A held clock (<see cref="HeldClockSettings"/>) reads its origin until its start file is written.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    /// <summary>How often a held clock looks at its start file: at 120x, 50 ms is six simulated seconds.</summary>
    private const long LookEveryMilliseconds = 50;

    private readonly TimeProvider _real;
    private readonly HeldClockSettings? _held;
    private SimulatedClockSettings? _settings;
    private long _nextLook;

    public SimulatedClock(SimulatedClockSettings settings, TimeProvider real)
    {
        _settings = settings;
        _real = real;
    }

    public SimulatedClock(SimulatedClockSettings settings) : this(settings, System)
    {
    }

    public SimulatedClock(HeldClockSettings held, TimeProvider real)
    {
        _held = held;
        _real = real;
    }

    public SimulatedClock(HeldClockSettings held) : this(held, System)
    {
    }

    /// <summary>
    /// The clock <c>PatientFlow:Clock</c> configures (held when it names a start file); null when the section is absent.
    /// </summary>
    public static SimulatedClock? From(IConfiguration configuration) =>
        HeldClockSettings.From(configuration) is { } held ? new SimulatedClock(held)
        : SimulatedClockSettings.From(configuration) is { } moving ? new SimulatedClock(moving)
        : null;

    /// <summary>Simulated seconds per real second.</summary>
    public double Speed => _held?.Speed ?? _settings!.Speed;

    /// <summary>The mapping from real to simulated time; null while the clock is held.</summary>
    public SimulatedClockSettings? Settings => _settings ?? Look();

    public override DateTimeOffset GetUtcNow() =>
        Settings is { } settings ? settings.ToSimulated(_real.GetUtcNow()) : _held!.Origin;

    /// <summary>
    /// How long in real time until the clock reads <paramref name="simulated"/>; zero when it already has. While the
    /// clock is held, a short wait to look again.
    /// </summary>
    public TimeSpan RealDelayUntil(DateTimeOffset simulated)
    {
        if (Settings is not { } settings)
        {
            return simulated <= _held!.Origin ? TimeSpan.Zero : TimeSpan.FromMilliseconds(2 * LookEveryMilliseconds);
        }

        var delay = settings.ToReal(simulated) - _real.GetUtcNow();
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }

    /// <summary>
    /// Starts a held clock now, for every process that shares its start file (written whole, so none reads half of
    /// it); a clock already moving goes on as it is.
    /// </summary>
    public SimulatedClockSettings Start()
    {
        if (Settings is { } moving)
        {
            return moving;
        }

        var held = _held!;
        var anchor = _real.GetUtcNow();
        var writing = held.StartFile + ".writing";
        File.WriteAllText(writing, anchor.ToString("O", CultureInfo.InvariantCulture));
        File.Move(writing, held.StartFile, overwrite: true);
        return _settings = new SimulatedClockSettings(held.Origin, anchor, held.Speed);
    }

    private SimulatedClockSettings? Look()
    {
        var now = Environment.TickCount64;
        if (now < Volatile.Read(ref _nextLook))
        {
            return null;
        }

        Volatile.Write(ref _nextLook, now + LookEveryMilliseconds);
        return _settings ??= _held!.Started();
    }
}

public static class ClockRegistration
{
    /// <summary>
    /// The <see cref="SimulatedClock"/> when <c>PatientFlow:Clock</c> is configured (held when it names a start file);
    /// the system clock otherwise.
    /// </summary>
    public static IServiceCollection AddPatientFlowClock(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(SimulatedClock.From(configuration) ?? TimeProvider.System);
}
