// Every command on a patient's coverage goes through the platform's one command path.
global using CoverageCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Billing.Coverage.PatientCoverage, PatientFlow.Billing.Coverage.PatientCoverage>;
