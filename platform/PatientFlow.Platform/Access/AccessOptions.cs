namespace PatientFlow.Platform.Access;

/// <summary>
/// <c>PatientFlow:Organization</c>: the organisation (hospital system) this deployment serves. A token of another
/// organisation may act in none of its clinics, whatever clinics it names.
/// </summary>
public sealed class AccessOptions
{
    public const string DefaultOrganization = "patientflow-health";

    public string Organization { get; set; } = DefaultOrganization;
}
