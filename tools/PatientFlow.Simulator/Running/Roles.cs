namespace PatientFlow.Simulator.Running;

/// <summary>The development-token roles the simulated staff act in (see AccessPolicies for what each may call).</summary>
internal static class Roles
{
    public const string Ops = "ops";
    public const string FrontDesk = "front-desk";
    public const string Clinician = "clinician";
    public const string Lab = "lab";
}
