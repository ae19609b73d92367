// Every command on a room or piece of equipment goes through the platform's one command path; its answer is the read model as it now is.
global using ResourceCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Scheduling.Resources.Resource, PatientFlow.Scheduling.Resources.ResourceDetails>;
