// Every command on a waitlist entry goes through the platform's one command path; its answer is the read model as it now is.
global using WaitlistCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Scheduling.Waitlist.WaitlistEntryDetails, PatientFlow.Scheduling.Waitlist.WaitlistEntryDetails>;
