namespace PatientFlow.Platform.Access;

/// <summary>
/// Where a record belongs, as its clinic check needs it: the clinics it may be acted on in (an appointment has one, a
/// patient the clinic of registration and each clinic of an appointment) and the patient it is about, for the break-glass record.
/// No clinics and not <paramref name="AnyClinic"/>: its clinic is not known yet (a visit's account opened from an event that
/// overtook the booking), and only a caller with every clinic may act on it.
/// </summary>
/// <param name="AnyClinic">Not placed in any clinic yet (a patient billing knows no visit of): any clinic of the organisation may act on it.</param>
public sealed record RecordClinic(IReadOnlyList<string> Clinics, Guid? PatientId, bool AnyClinic = false)
{
    public static RecordClinic In(string clinic, Guid? patientId = null) => new([clinic], patientId);

    public static RecordClinic Anywhere(Guid? patientId) => new([], patientId, AnyClinic: true);

    public static RecordClinic NotKnownYet(Guid? patientId) => new([], patientId);
}
