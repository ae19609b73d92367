namespace PatientFlow.Simulator.Running;

/// <summary>What a scheduled call does through the public API.</summary>
public enum CallKind
{
    RegisterClinic,
    RegisterRoom,
    DefineAppointmentType,
    CreateProvider,
    SetTemplate,
    GenerateSlots,
    RegisterPatient,
    Book,
    CheckIn,
    WalkIn,
    Room,
    RecordVitals,
    RecordChiefComplaint,
    StartProvider,
    OrderLab,
    CollectSpecimen,
    RecordLabResult,
    Refer,
    Complete,
    CleanRoom,
    CheckOut,
}

/// <summary>
/// One API call at a simulated instant. It is sent once the clock reaches <see cref="At"/> and every call in
/// <see cref="Needs"/> succeeded (otherwise it is skipped), and after the calls in <see cref="After"/> finished
/// however they went (a room's cleaning before its next patient).
/// </summary>
/// <param name="Key">Unique in the schedule; other calls name it in their needs.</param>
/// <param name="Visit">The plan's visit number, for calls about a visit.</param>
/// <param name="Subject">The provider key, room code, appointment type or test code the call is about.</param>
public sealed record ScheduledCall(
    DateTimeOffset At, CallKind Kind, string Key, string Clinic, IReadOnlyList<string> Needs, int? Visit = null, string? Subject = null)
{
    public IReadOnlyList<string> After { get; init; } = [];
}
