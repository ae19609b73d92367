// Every command on an appointment type goes through the platform's one command path; its answer is the read model as it now is.
global using AppointmentTypeCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Scheduling.AppointmentTypes.AppointmentTypeDetails, PatientFlow.Scheduling.AppointmentTypes.AppointmentTypeDetails>;
