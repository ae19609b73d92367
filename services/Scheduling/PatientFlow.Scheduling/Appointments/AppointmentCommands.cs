// Every command on an appointment goes through the platform's one command path; its answer is the read model as it now is.
global using AppointmentCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Scheduling.Appointments.Appointment, PatientFlow.Scheduling.Appointments.GettingDetails.AppointmentDetails>;
