// Every command on a claim batch goes through the platform's one command path.
global using BatchCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Billing.Claims.Batches.ClaimBatch, PatientFlow.Billing.Claims.Batches.ClaimBatch>;
