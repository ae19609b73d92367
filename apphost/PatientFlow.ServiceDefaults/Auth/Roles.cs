namespace PatientFlow.ServiceDefaults.Auth;

/// <summary>The roles a PatientFlow token can carry (claim <c>role</c>).</summary>
public static class Roles
{
    public const string FrontDesk = "front-desk";
    public const string Clinician = "clinician";
    public const string Lab = "lab";
    public const string Billing = "billing";
    public const string Ops = "ops";
    public const string Integrator = "integrator";

    /// <summary>Reads the audit trail's reports and verifies its chains; nothing else.</summary>
    public const string PrivacyOfficer = "privacy-officer";

    public static readonly IReadOnlyList<string> All = [FrontDesk, Clinician, Lab, Billing, Ops, Integrator, PrivacyOfficer];
}
