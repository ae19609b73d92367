using JasperFx;

namespace PatientFlow.Scheduling.AppointmentTypes;

/// <param name="Code">What bookings name, e.g. <c>new-patient</c>, <c>follow-up</c>, <c>ecg-check</c>.</param>
/// <param name="DurationMinutes">Default length; a booking covers as many consecutive slots as this needs.</param>
/// <param name="RequiredEquipment">Equipment categories that must be free for the whole appointment, one item each.</param>
public sealed record AppointmentTypeDefined(
    Guid AppointmentTypeId, string Code, string Name, int DurationMinutes, IReadOnlyList<string> RequiredEquipment, DateTimeOffset DefinedAt);

public sealed record AppointmentTypeDetails(
    [property: Identity] Guid AppointmentTypeId, string Code, string Name, int DurationMinutes, IReadOnlyList<string> RequiredEquipment) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"appointment type {streamId} not found");

    /// <summary>The type a booking names; an unknown code is the client's mistake, named by <paramref name="field"/>.</summary>
    public static async Task<AppointmentTypeDetails> LoadAsync(Marten.IQuerySession session, string? code, string field, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? throw new InvalidFieldException(field, "is required")
        : await session.LoadAsync<AppointmentTypeDetails>(IdOf(code), ct)
            ?? throw new InvalidFieldException(field, $"'{code.Trim()}' is not a defined appointment type");


    public static Guid IdOf(string code) => StableId.From("appointment-type", code);

    public static AppointmentTypeDetails Create(AppointmentTypeDefined defined) =>
        new(defined.AppointmentTypeId, defined.Code, defined.Name, defined.DurationMinutes, defined.RequiredEquipment);

    public AppointmentTypeDetails Apply(AppointmentTypeDefined redefined) => Create(redefined);

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);
}
