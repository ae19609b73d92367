using System.Text.Json;
using JasperFx.Events;
using PatientFlow.Contracts;
using PatientFlow.Intake.Encounters;
using PatientFlow.Platform.Messaging;
using V1 = PatientFlow.Contracts.Intake.V1;

namespace PatientFlow.Intake.Integration;

/// <summary>
/// Every encounter event is public: each is a stage or an entry of the visit the rest of the platform follows.
/// Orders are published by the lab and referral services that own them, and room cleaning stays inside intake.
/// </summary>
public sealed class IntakeEventRelay : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent committed) => committed.Data switch
    {
        EncounterOpened opened => new V1.EncounterOpened(
            committed.Id, committed.StreamId, opened.PatientId, opened.OpenedAt, committed.Timestamp, opened.ProviderId),
        PatientRoomed roomed => new V1.PatientRoomed(
            committed.Id, committed.StreamId, roomed.PatientId, roomed.RoomedAt, committed.Timestamp, roomed.Room, roomed.PreviousRoom),
        VitalsRecorded vitals => new V1.VitalsRecorded(
            committed.Id, committed.StreamId, vitals.PatientId, vitals.TakenAt, committed.Timestamp, Observations(vitals.Observations)),
        VitalsCorrected corrected => new V1.VitalsCorrected(
            committed.Id, committed.StreamId, corrected.PatientId, corrected.TakenAt, committed.Timestamp, corrected.CorrectedVitalsId,
            Observations(corrected.Observations), corrected.Reason),
        ChiefComplaintRecorded complaint => new V1.ChiefComplaintRecorded(
            committed.Id, committed.StreamId, complaint.PatientId, complaint.RecordedAt, committed.Timestamp, complaint.Text, complaint.Onset),
        ProblemRecorded problem => new V1.ProblemRecorded(
            committed.Id, committed.StreamId, problem.PatientId, problem.RecordedAt, committed.Timestamp, problem.Description, problem.Icd10Code,
            Kebab(problem.Status), problem.OnsetDate),
        AllergyRecorded allergy => new V1.AllergyRecorded(
            committed.Id, committed.StreamId, allergy.PatientId, allergy.RecordedAt, committed.Timestamp, allergy.Substance, allergy.Reaction,
            Kebab(allergy.Severity), Kebab(allergy.Kind)),
        NoKnownAllergiesRecorded none => new V1.NoKnownAllergiesRecorded(committed.Id, committed.StreamId, none.PatientId, none.RecordedAt, committed.Timestamp),
        MedicationsReconciled reconciled => new V1.MedicationsReconciled(
            committed.Id, committed.StreamId, reconciled.PatientId, reconciled.ReconciledAt, committed.Timestamp,
            [.. reconciled.Medications.Select(m => new V1.ReconciledMedication(m.Name, m.Dose, m.Frequency, m.RxNormCode, Kebab(m.Status), m.Change, m.Reason))]),
        ImmunizationAdministered immunization => new V1.ImmunizationAdministered(
            committed.Id, committed.StreamId, immunization.PatientId, immunization.Given.AdministeredAt, committed.Timestamp,
            immunization.CvxCode, immunization.Vaccine, Given(immunization.Given)),
        InjectionAdministered injection => new V1.InjectionAdministered(
            committed.Id, committed.StreamId, injection.PatientId, injection.Given.AdministeredAt, committed.Timestamp,
            injection.Drug, injection.HcpcsCode, Given(injection.Given)),
        InstructionsGiven instructions => new V1.InstructionsGiven(
            committed.Id, committed.StreamId, instructions.PatientId, instructions.GivenAt, committed.Timestamp, Kebab(instructions.Kind), instructions.Topic, instructions.Text),
        ProviderEncounterStarted started => new V1.ProviderEncounterStarted(
            committed.Id, committed.StreamId, started.PatientId, started.StartedAt, committed.Timestamp, started.ProviderId),
        EntryEnteredInError error => new V1.EntryEnteredInError(
            committed.Id, committed.StreamId, error.PatientId, error.RecordedAt, committed.Timestamp, error.EntryId, Kebab(error.Kind), error.Reason),
        EncounterCompleted completed => new V1.EncounterCompleted(
            committed.Id, committed.StreamId, completed.PatientId, completed.CompletedAt, committed.Timestamp, completed.ProviderId,
            [.. completed.Diagnoses.Select(code => code.ToUpperInvariant())],
            [.. completed.Procedures.Select(p => new V1.ProcedurePerformed(p.Code.ToUpperInvariant(), p.Units, p.Modifiers ?? []))]),
        _ => null,
    };

    private static List<V1.VitalSignObservation> Observations(IReadOnlyList<VitalSign> observations) =>
        [.. observations.Select(o => new V1.VitalSignObservation(o.LoincCode, o.Name, o.Value, o.Unit, o.Abnormal))];

    private static V1.AdministrationDetails Given(Administration given) =>
        new(given.Lot, given.ExpiresOn, given.Site, given.Route.ToString(), given.DoseAmount, given.DoseUnit);

    private static string Kebab<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
