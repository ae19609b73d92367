// Every command on a referral goes through the platform's one command path; its answer is the referral as it now is.
global using ReferralCommands = PatientFlow.Platform.EventStore.StreamCommands<
    PatientFlow.Referral.Referrals.Referral, PatientFlow.Referral.Referrals.GettingDetails.ReferralDetails>;
