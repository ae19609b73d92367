// Every command on a claim goes through the platform's one command path (fetched under its stream's lock, see Claim);
// its answer is the claim as it now is.
global using ClaimCommands = PatientFlow.Platform.EventStore.StreamCommands<PatientFlow.Billing.Claims.Claim, PatientFlow.Billing.Claims.Claim>;
