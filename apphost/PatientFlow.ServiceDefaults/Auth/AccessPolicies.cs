using Microsoft.AspNetCore.Authorization;

namespace PatientFlow.ServiceDefaults.Auth;

/// <summary>
/// Who may do what, as a security officer reads it. Two layers: one policy per route group, which the gateway applies
/// to <c>/api/&lt;service&gt;/**</c> and the service applies again (defence in depth); and one policy per action inside
/// the group (read vs write, demographic vs clinical), applied by the service on each route. A route carries both, so
/// the roles it admits are the intersection. Where a record is: the caller's clinics, checked by the services
/// (<c>docs/access.md</c>).
/// </summary>
public static class AccessPolicies
{
    public const string Scheduling = "scheduling";
    public const string Intake = "intake";
    public const string Lab = "lab";
    public const string Referral = "referral";
    public const string Billing = "billing";
    public const string Tracking = "tracking";

    /// <summary><c>/api/&lt;service&gt;/operations/**</c>: error-queue replay, projection rebuilds.</summary>
    public const string Operations = "operations";

    // Scheduling.

    /// <summary>Clinics, rooms, equipment, appointment types and providers' templates as they are: no patient in them.</summary>
    public const string ScheduleView = "schedule-view";

    /// <summary>Clinics, rooms, equipment, appointment types, templates, holidays: set up by operations, not at the desk.</summary>
    public const string SchedulingSetup = "scheduling-setup";

    /// <summary>Providers, their slots and blocked time: kept by operations and the desk; still no patient in them.</summary>
    public const string ProviderSchedules = "provider-schedules";

    /// <summary>Booking, walk-ins, rescheduling, cancelling, check-in and -out, arrival corrections, the waitlist: the desk's.</summary>
    public const string Booking = "booking";

    /// <summary>Appointments and the waitlist as read: who is booked with whom and when, for the desk and clinicians.</summary>
    public const string AppointmentView = "appointment-view";

    /// <summary>A patient's demographics as read (record, search): the desk and clinicians, never operations.</summary>
    public const string Demographics = "demographics";

    /// <summary>Registering a patient, correcting demographics, reviewing likely duplicates: the desk's.</summary>
    public const string Registration = "registration";

    /// <summary>Patients' names on the flow board: staff who call patients in, not operations watching flow.</summary>
    public const string PatientNames = "patient-names";

    /// <summary>Scheduling's gRPC patient directory: sex and age for reference ranges, asked by lab on behalf of its users.</summary>
    public const string PatientDirectory = "patient-directory";

    // Intake.

    /// <summary>The encounter as read: vitals, history, orders. Clinical data: clinicians only.</summary>
    public const string EncounterView = "encounter-view";

    /// <summary>Rooming, vitals, history, administrations, instructions, orders, completion: a clinician's entries.</summary>
    public const string ClinicalDocumentation = "clinical-documentation";

    /// <summary>Rooms of a clinic and marking one cleaned.</summary>
    public const string RoomTurnover = "room-turnover";

    // Lab.

    /// <summary>Orders, specimens, results, worklists and turnaround as read, and the test catalog.</summary>
    public const string LabView = "lab-view";

    /// <summary>Placing and cancelling a lab order: a clinician's order.</summary>
    public const string LabOrdering = "lab-ordering";

    /// <summary>Collecting, rejecting and sending out specimens: the lab's.</summary>
    public const string SpecimenHandling = "specimen-handling";

    /// <summary>Entering and amending results: the lab's, never a clinician's.</summary>
    public const string ResultEntry = "result-entry";

    /// <summary>Acknowledging a lab result (a critical value above all) is a clinician's act.</summary>
    public const string ResultReview = "result-review";

    // Referral.

    /// <summary>Referrals as read, and the slots one could be booked into.</summary>
    public const string ReferralView = "referral-view";

    /// <summary>Referring a patient is a clinical order: clinicians.</summary>
    public const string ReferralOrdering = "referral-ordering";

    /// <summary>Requesting authorisation, booking, recording an outside booking or a missed appointment, cancelling: the desk and clinicians.</summary>
    public const string ReferralCoordination = "referral-coordination";

    /// <summary>Recording a prior-authorisation decision (approval, denial) and appealing one: a clinician's, who answers for it.</summary>
    public const string AuthorizationDecision = "authorization-decision";

    /// <summary>Receiving the specialist's report, which closes the referral's loop: a clinician reads it and closes it.</summary>
    public const string LoopClosure = "loop-closure";

    // Billing.

    /// <summary><c>/api/billing/patients/**</c> coverage: the insurance card and eligibility checks, at the desk and in billing.</summary>
    public const string Coverage = "coverage";

    /// <summary>Copays, balances and eligibility alerts: collected and refunded at the desk; billing sees the same.</summary>
    public const string Copay = "copay";

    /// <summary>Charges, claims, batches (837P) and remittances (835): billing staff.</summary>
    public const string ClaimWork = "claim-work";

    // Tracking.

    /// <summary>Tracking's integrator feed and webhook subscriptions: integrators, and operations who run them.</summary>
    public const string IntegratorFeed = "integrator-feed";

    /// <summary><c>/api/audit/**</c>: the audit trail's access reports and chain verification, for the privacy officer.</summary>
    public const string AuditReports = "audit-reports";

    /// <summary>The route-group policies, which the gateway applies too.</summary>
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

    /// <summary>The per-action policies a service applies to its own endpoints, after the route group's policy admitted the caller.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> EndpointPolicies = new Dictionary<string, string[]>
    {
        [ScheduleView] = [Roles.FrontDesk, Roles.Clinician, Roles.Ops],
        [SchedulingSetup] = [Roles.Ops],
        [ProviderSchedules] = [Roles.FrontDesk, Roles.Ops],
        [Booking] = [Roles.FrontDesk],
        [AppointmentView] = [Roles.FrontDesk, Roles.Clinician],
        [Demographics] = [Roles.FrontDesk, Roles.Clinician],
        [Registration] = [Roles.FrontDesk],
        [PatientNames] = [Roles.FrontDesk, Roles.Clinician],
        [PatientDirectory] = [Roles.Lab, Roles.Clinician, Roles.FrontDesk],

        [EncounterView] = [Roles.Clinician],
        [ClinicalDocumentation] = [Roles.Clinician],
        [RoomTurnover] = [Roles.Clinician],

        [LabView] = [Roles.Lab, Roles.Clinician],
        [LabOrdering] = [Roles.Clinician],
        [SpecimenHandling] = [Roles.Lab],
        [ResultEntry] = [Roles.Lab],
        [ResultReview] = [Roles.Clinician],

        [ReferralView] = [Roles.Clinician, Roles.FrontDesk],
        [ReferralOrdering] = [Roles.Clinician],
        [ReferralCoordination] = [Roles.Clinician, Roles.FrontDesk],
        [AuthorizationDecision] = [Roles.Clinician],
        [LoopClosure] = [Roles.Clinician],

        [Coverage] = [Roles.FrontDesk, Roles.Billing],
        [Copay] = [Roles.FrontDesk, Roles.Billing],
        [ClaimWork] = [Roles.Billing],

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
