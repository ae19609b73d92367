using PatientFlow.Intake.Encounters.Administering;
using PatientFlow.Intake.Encounters.Completing;
using PatientFlow.Intake.Encounters.CorrectingEntries;
using PatientFlow.Intake.Encounters.CorrectingVitals;
using PatientFlow.Intake.Encounters.Instructing;
using PatientFlow.Intake.Encounters.Ordering;
using PatientFlow.Intake.Encounters.RecordingHistory;
using PatientFlow.Intake.Encounters.RecordingVitals;
using PatientFlow.Intake.Encounters.Rooming;
using PatientFlow.Intake.Encounters.SeeingProvider;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Intake.Encounters;

/// <summary>The encounter's routes: one line a slice; each slice's file holds its handler, command and decision.</summary>
public static class EncounterRoutes
{
    public static IEndpointRouteBuilder MapEncounterRoutes(this IEndpointRouteBuilder app)
    {
        var encounters = app.MapGroup("/api/intake/encounters/{visitId:guid}").RequireAuthorization(AccessPolicies.Intake).WithTags("Encounters")
            .RequireClinicOf("visitId", EncounterClinic, Encounter.NotFound);
        encounters.Audited("encounter");
        encounters.MapGet("/", EncounterDetails.Get).RequireAuthorization(AccessPolicies.EncounterView);
        encounters.MapPost("/rooming", RoomPatientDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/vitals", RecordVitalsDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/vitals/{vitalsId:guid}/correction", CorrectVitalsDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/chief-complaint", RecordChiefComplaintDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/problems", RecordProblemDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/allergies", RecordAllergyDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/allergies/none-known", RecordAllergyDecider.HandleNoneKnown).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/medications/reconciliation", ReconcileMedicationsDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/immunizations", AdministerDecider.HandleImmunization).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/injections", AdministerDecider.HandleInjection).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/instructions", GiveInstructionsDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/provider/start", StartProviderEncounterDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/entries/{entryId:guid}/entered-in-error", MarkEnteredInErrorDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/orders/lab", PlaceOrdersDecider.HandleLabOrder).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/orders/referral", PlaceOrdersDecider.HandleReferral).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        encounters.MapPost("/completion", CompleteEncounterDecider.Handle).RequireAuthorization(AccessPolicies.ClinicalDocumentation);
        return app;
    }

    /// <summary>An encounter is its visit's clinic's.</summary>
    private static async Task<RecordClinic?> EncounterClinic(IQuerySession session, Guid visitId, CancellationToken ct) =>
        await session.LoadAsync<EncounterDetails>(visitId, ct) is { } encounter ? RecordClinic.In(encounter.Clinic, encounter.PatientId) : null;
}
