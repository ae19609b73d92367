// Every command on a patient goes through the platform's one command path; its answer is the read model as it now is.
global using PatientCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Scheduling.Patients.PatientSchedule, PatientFlow.Scheduling.Patients.PatientDetails>;
