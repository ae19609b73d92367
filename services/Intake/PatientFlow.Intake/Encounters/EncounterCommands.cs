// Every command on an encounter goes through the platform's one command path; its answer is the encounter as it now is.
global using EncounterCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Intake.Encounters.Encounter, PatientFlow.Intake.Encounters.GettingDetails.EncounterDetails>;
