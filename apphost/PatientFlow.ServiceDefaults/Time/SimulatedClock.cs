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

        return new SimulatedClockSettings(
            Instant(section, "Origin"),
            Instant(section, "Anchor"),
            double.TryParse(Required(section, "Speed"), NumberStyles.Float, CultureInfo.InvariantCulture, out var speed)
                ? speed
                : throw new InvalidOperationException($"{Section}:Speed must be a number.")).Validated();
    }

    private static DateTimeOffset Instant(IConfigurationSection section, string key) =>
        DateTimeOffset.TryParse(Required(section, key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new InvalidOperationException($"{Section}:{key} must be an ISO 8601 instant, e.g. 2026-11-23T13:30:00Z.");

    private static string Required(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"{Section}:{key} is not set.");
}

/// <summary>
/// Simulated time for everything that asks the injected <see cref="TimeProvider"/> what time it is. Timers and
/// timestamps stay real: a sweep every 30 s still runs every 30 real seconds, and timeouts are not shortened.
/// </summary>
public sealed class SimulatedClock(SimulatedClockSettings settings, TimeProvider real) : TimeProvider
{
    public SimulatedClock(SimulatedClockSettings settings) : this(settings, System)
    {
    }

    public SimulatedClockSettings Settings => settings;

    public override DateTimeOffset GetUtcNow() => settings.ToSimulated(real.GetUtcNow());

    /// <summary>How long in real time until the clock reads <paramref name="simulated"/>; zero when it already has.</summary>
    public TimeSpan RealDelayUntil(DateTimeOffset simulated)
    {
        var delay = settings.ToReal(simulated) - real.GetUtcNow();
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }
}

public static class ClockRegistration
{
    /// <summary>The <see cref="SimulatedClock"/> when <c>PatientFlow:Clock</c> is configured; the system clock otherwise.</summary>
    public static IServiceCollection AddPatientFlowClock(this IServiceCollection services, IConfiguration configuration) =>
        SimulatedClockSettings.From(configuration) is { } simulated
            ? services.AddSingleton<TimeProvider>(new SimulatedClock(simulated))
            : services.AddSingleton(TimeProvider.System);
}
