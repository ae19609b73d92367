using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Testing;

/// <summary>How a route answers one caller: let through (whatever the handler then says), refused (403), or not found (404).</summary>
public enum Access
{
    Allowed,
    Forbidden,
    Hidden,

    /// <summary>401 or a 5xx: never a declared answer.</summary>
    Unexpected,
}

/// <summary>Where the caller may act, relative to the seeded records (all in <see cref="AccessMatrix.OwnClinic"/>).</summary>
public enum Reach
{
    OwnClinic,
    OtherClinic,
    AllClinics,
}

/// <summary>How the caller's clinics apply to a route.</summary>
public enum ClinicRule
{
    /// <summary>No clinic applies: the organisation's catalogue, or a command whose body names the clinic (its slice tests cover that).</summary>
    None,

    /// <summary>A list or search: filtered to the caller's clinics, never refused for them.</summary>
    Filtered,

    /// <summary>The route names a record by a parameter: another clinic's record is not found, exactly as an unknown one.</summary>
    Record,

    /// <summary>Acts for the whole organisation (a payer's batch): only a caller with every clinic.</summary>
    Organization,
}

/// <summary>
/// One declared row of a service's access table: a route, the roles that may use it, and how clinics apply. With
/// <see cref="ClinicRule.Record"/>, <see cref="Parameter"/> names the route parameter that names the record.
/// </summary>
public sealed record AccessRule(string Route, IReadOnlyList<string> Roles, ClinicRule Clinic, string? Parameter = null, IReadOnlyDictionary<string, string>? Values = null)
{
    /// <summary>What <paramref name="role"/> reaching <paramref name="reach"/> must get.</summary>
    public Access Expected(string role, Reach reach) =>
        !Roles.Contains(role) ? Access.Forbidden
        : Clinic == ClinicRule.Record && reach == Reach.OtherClinic ? Access.Hidden
        : Clinic == ClinicRule.Organization && reach != Reach.AllClinics ? Access.Forbidden
        : Access.Allowed;

    /// <summary>
    /// False for a route where a record no clinic holds yet is open to all (billing's patient before a first visit): there
    /// another clinic's record is still not found, but an unknown id is let through, so the two answers differ.
    /// </summary>
    public bool AnswersAsUnknown { get; init; } = true;

    /// <summary>See <see cref="AnswersAsUnknown"/>.</summary>
    public AccessRule OpenWhenUnknown() => this with { AnswersAsUnknown = false };

    /// <summary>The same row with a value for a parameter that means something else on this route than the seed's.</summary>
    public AccessRule With(string parameter, string value) =>
        this with { Values = new Dictionary<string, string>(Values ?? new Dictionary<string, string>()) { [parameter] = value } };

    public override string ToString() => Route;
}

/// <summary>The parts a service's access table is written with.</summary>
public static class AccessMatrix
{
    public const string OwnClinic = "north";
    public const string OtherClinic = "south";

    public static readonly string[] FrontDesk = [Roles.FrontDesk];
    public static readonly string[] Clinician = [Roles.Clinician];
    public static readonly string[] LabStaff = [Roles.Lab];
    public static readonly string[] BillingStaff = [Roles.Billing];
    public static readonly string[] Ops = [Roles.Ops];
    public static readonly string[] DeskAndClinician = [Roles.FrontDesk, Roles.Clinician];
    public static readonly string[] DeskAndOps = [Roles.FrontDesk, Roles.Ops];
    public static readonly string[] DeskClinicianAndOps = [Roles.FrontDesk, Roles.Clinician, Roles.Ops];
    public static readonly string[] LabAndClinician = [Roles.Lab, Roles.Clinician];
    public static readonly string[] DeskAndBilling = [Roles.FrontDesk, Roles.Billing];

    public static AccessRule Row(string route, string[] roles, ClinicRule clinic = ClinicRule.None) => new(route, roles, clinic);

    public static AccessRule Record(string route, string[] roles, string parameter) => new(route, roles, ClinicRule.Record, parameter);

    public static AccessRule Listed(string route, string[] roles) => new(route, roles, ClinicRule.Filtered);

    /// <summary>The platform's operations routes every service maps: operations staff, any clinic (they hold no patient's record).</summary>
    public static IEnumerable<AccessRule> Operations(string service) =>
    [
        Row($"GET /api/{service}/operations/messaging", Ops),
        Row($"POST /api/{service}/operations/messaging/replay", Ops),
        Row($"GET /api/{service}/operations/projections", Ops),
        Row($"POST /api/{service}/operations/projections/{{name}}/rebuild", Ops),
    ];
}
