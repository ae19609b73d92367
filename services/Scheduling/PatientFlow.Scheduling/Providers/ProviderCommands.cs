// Every command on a provider goes through the platform's one command path; its answer is the read model as it now is.
global using ProviderCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Scheduling.Providers.Provider, PatientFlow.Scheduling.Providers.ProviderDetails>;
