using Microsoft.AspNetCore.Authorization;

namespace PatientFlow.ServiceDefaults.Auth;

/// <summary>
/// One policy per route group. The gateway applies it to <c>/api/&lt;service&gt;/**</c> and the
/// service applies it again to its own endpoints (defence in depth), so both answer 401/403 alike.
/// </summary>
public static class AccessPolicies
{
    public const string Scheduling = "scheduling";
    public const string Intake = "intake";
    public const string Lab = "lab";
    public const string Referral = "referral";
    public const string Billing = "billing";
    public const string Tracking = "tracking";

    /// <summary>Clinics, rooms, equipment, appointment types, templates, holidays: set up by operations, not at the desk.</summary>
    public const string SchedulingSetup = "scheduling-setup";

    /// <summary>Scheduling's gRPC patient directory: sex and age for reference ranges, asked by lab on behalf of its users.</summary>
    public const string PatientDirectory = "patient-directory";

    /// <summary>Acknowledging a lab result (a critical value above all) is a clinician's act.</summary>
    public const string ResultReview = "result-review";

    /// <summary><c>/api/billing/patients/**</c>: coverage from the insurance card and eligibility checks, at the desk and in billing.</summary>
    public const string Coverage = "coverage";

    /// <summary>Patients' names on the flow board: staff who call patients in, not operations watching flow.</summary>
    public const string PatientNames = "patient-names";

    /// <summary>Tracking's integrator feed and webhook subscriptions: integrators, and operations who run them.</summary>
    public const string IntegratorFeed = "integrator-feed";

    /// <summary><c>/api/audit/**</c>: the audit trail's access reports and chain verification, for the privacy officer.</summary>
    public const string AuditReports = "audit-reports";

    /// <summary><c>/api/&lt;service&gt;/operations/**</c>: error-queue replay, projection rebuilds.</summary>
    public const string Operations = "operations";

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Scheduling] = [Roles.FrontDesk, Roles.Clinician, Roles.Ops],
        [Intake] = [Roles.Clinician],
        [Lab] = [Roles.Lab, Roles.Clinician],
        [Referral] = [Roles.Clinician, Roles.FrontDesk],
        [Billing] = [Roles.Billing],
        [Tracking] = [Roles.Ops, Roles.FrontDesk, Roles.Clinician, Roles.Integrator],
        [Operations] = [Roles.Ops],
    };

    /// <summary>Policies a service applies to some of its own endpoints, after the gateway admitted the route's policy.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> EndpointPolicies = new Dictionary<string, string[]>
    {
        [SchedulingSetup] = [Roles.Ops],
        [PatientDirectory] = [Roles.Lab, Roles.Clinician, Roles.FrontDesk, Roles.Ops],
        [ResultReview] = [Roles.Clinician],
        [Coverage] = [Roles.FrontDesk, Roles.Billing],
        [PatientNames] = [Roles.FrontDesk, Roles.Clinician],
        [IntegratorFeed] = [Roles.Integrator, Roles.Ops],
        [AuditReports] = [Roles.PrivacyOfficer],
    };

    public static void Register(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesByPolicy.Concat(EndpointPolicies))
        {
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
    }
}
