using JasperFx;

namespace PatientFlow.Scheduling.Clinics;

// A clinic's stream id is derived from its code (StableId), so providers and rooms name clinics by code.

public sealed record ClinicRegistered(Guid ClinicId, string Code, string Name, string TimeZone, DateTimeOffset RegisteredAt);

/// <summary>The clinic is closed on <see cref="Date"/> (its own calendar day): no slots are offered that day.</summary>
public sealed record HolidayDeclared(Guid ClinicId, DateOnly Date, string Name, DateTimeOffset DeclaredAt);

public sealed record Holiday(DateOnly Date, string Name);

/// <summary>The clinic, its time zone and its holidays (inline projection; also what deciders read).</summary>
public sealed record ClinicDetails([property: Identity] Guid ClinicId, string Code, string Name, string TimeZone, IReadOnlyList<Holiday> Holidays) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"clinic {streamId} not found");

    /// <summary>The clinic named by its code; 404 naming the code.</summary>
    public static async Task<ClinicDetails> LoadAsync(Marten.IQuerySession session, string code, CancellationToken ct) =>
        await session.LoadAsync<ClinicDetails>(IdOf(code), ct) ?? throw new NotFoundException($"clinic {code} not found");


    public static Guid IdOf(string code) => StableId.From("clinic", code);

    public static ClinicDetails Create(ClinicRegistered registered) =>
        new(registered.ClinicId, registered.Code, registered.Name, registered.TimeZone, []);

    public ClinicDetails Apply(HolidayDeclared declared) =>
        this with { Holidays = [.. Holidays.Append(new Holiday(declared.Date, declared.Name)).OrderBy(h => h.Date)] };

    private TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The clinic's calendar day of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone()).DateTime);

    /// <summary>The instant a clinic wall-clock time on a date stands for.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone().GetUtcOffset(local));
    }

    public bool IsHoliday(DateOnly date) => Holidays.Any(h => h.Date == date);
}
