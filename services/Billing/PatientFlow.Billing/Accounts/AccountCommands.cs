// Every command on a visit's billing account from the desk goes through the platform's one command path (the consumers'
// through VisitAccounts); the account's view is stored in the same commit.
global using AccountCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Billing.Accounts.BillingAccount, PatientFlow.Billing.Accounts.AccountView>;
