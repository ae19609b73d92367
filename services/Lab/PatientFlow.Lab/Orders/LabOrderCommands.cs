// Every command on a lab order goes through the platform's one command path; its answer is the order as it now is.
global using LabOrderCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Lab.Orders.LabOrder, PatientFlow.Lab.Orders.GettingDetails.LabOrderDetails>;
