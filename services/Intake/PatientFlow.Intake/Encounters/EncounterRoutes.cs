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
        var encounters = app.MapGroup("/api/intake/encounters/{visitId:guid}").RequireAuthorization(AccessPolicies.Intake).WithTags("Encounters");
        encounters.Audited("encounter");
        encounters.MapGet("/", EncounterDetails.Get);
        encounters.MapPost("/rooming", RoomPatientDecider.Handle);
        encounters.MapPost("/vitals", RecordVitalsDecider.Handle);
        encounters.MapPost("/vitals/{vitalsId:guid}/correction", CorrectVitalsDecider.Handle);
        encounters.MapPost("/chief-complaint", RecordChiefComplaintDecider.Handle);
        encounters.MapPost("/problems", RecordProblemDecider.Handle);
        encounters.MapPost("/allergies", RecordAllergyDecider.Handle);
        encounters.MapPost("/allergies/none-known", RecordAllergyDecider.HandleNoneKnown);
        encounters.MapPost("/medications/reconciliation", ReconcileMedicationsDecider.Handle);
        encounters.MapPost("/immunizations", AdministerDecider.HandleImmunization);
        encounters.MapPost("/injections", AdministerDecider.HandleInjection);
        encounters.MapPost("/instructions", GiveInstructionsDecider.Handle);
        encounters.MapPost("/provider/start", StartProviderEncounterDecider.Handle);
        encounters.MapPost("/entries/{entryId:guid}/entered-in-error", MarkEnteredInErrorDecider.Handle);
        encounters.MapPost("/orders/lab", PlaceOrdersDecider.HandleLabOrder);
        encounters.MapPost("/orders/referral", PlaceOrdersDecider.HandleReferral);
        encounters.MapPost("/completion", CompleteEncounterDecider.Handle);
        return app;
    }
}
