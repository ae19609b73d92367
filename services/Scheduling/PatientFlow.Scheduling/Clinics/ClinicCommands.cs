// Every command on a clinic goes through the platform's one command path; its answer is the read model as it now is.
global using ClinicCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Scheduling.Clinics.ClinicDetails, PatientFlow.Scheduling.Clinics.ClinicDetails>;
