namespace PatientFlow.ServiceDefaults.Auth;

/// <summary>The claims a PatientFlow access token carries beyond the standard ones (<c>sub</c>, <c>aud</c>, <c>scope</c>).</summary>
public static class TokenClaims
{
    /// <summary>One claim per role (see <see cref="Roles"/>).</summary>
    public const string Role = "role";

    /// <summary>The organisation (hospital system) the person or client belongs to.</summary>
    public const string Organization = "org";

    /// <summary>One claim per clinic code the person or client may act in; <see cref="AllClinics"/> for every clinic of the organisation.</summary>
    public const string Clinic = "clinic";

    public const string AllClinics = "*";

    /// <summary>The audience every PatientFlow service accepts.</summary>
    public const string Audience = "patientflow";
}
