using JasperFx.Events;
using PatientFlow.Contracts;
using PatientFlow.Intake.Encounters;
using PatientFlow.ServiceDefaults.Messaging;
using V1 = PatientFlow.Contracts.Intake.V1;

namespace PatientFlow.Intake.Integration;

/// <summary>Every encounter event is public: each is a stage of the visit the rest of the platform follows.</summary>
public sealed class IntakeEventRelay : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent committed) => committed.Data switch
    {
        EncounterOpened opened => new V1.EncounterOpened(
            committed.Id, committed.StreamId, opened.PatientId, opened.OpenedAt, committed.Timestamp, opened.ProviderId),
        PatientRoomed roomed => new V1.PatientRoomed(
            committed.Id, committed.StreamId, roomed.PatientId, roomed.RoomedAt, committed.Timestamp, roomed.Room),
        VitalsRecorded vitals => new V1.VitalsRecorded(
            committed.Id, committed.StreamId, vitals.PatientId, vitals.TakenAt, committed.Timestamp,
            [.. vitals.Observations.Select(o => new V1.VitalSignObservation(o.LoincCode, o.Name, o.Value, o.Unit, o.Abnormal))]),
        VitalsCorrected corrected => new V1.VitalsCorrected(
            committed.Id, committed.StreamId, corrected.PatientId, corrected.TakenAt, committed.Timestamp, corrected.CorrectedVitalsId,
            [.. corrected.Observations.Select(o => new V1.VitalSignObservation(o.LoincCode, o.Name, o.Value, o.Unit, o.Abnormal))],
            corrected.Reason),
        EncounterCompleted completed => new V1.EncounterCompleted(
            committed.Id, committed.StreamId, completed.PatientId, completed.CompletedAt, committed.Timestamp, completed.ProviderId,
            [.. completed.Diagnoses.Select(code => code.ToUpperInvariant())],
            [.. completed.Procedures.Select(p => new V1.ProcedurePerformed(p.Code.ToUpperInvariant(), p.Units))]),
        _ => null,
    };
}
