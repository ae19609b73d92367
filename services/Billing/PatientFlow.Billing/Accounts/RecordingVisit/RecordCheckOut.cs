namespace PatientFlow.Billing.Accounts.RecordingVisit;

/// <summary>Note that the patient left through check-out; with a completed encounter this drafts the claim.</summary>
public sealed record RecordCheckOut(Guid VisitId, Guid PatientId, DateTimeOffset CheckedOutAt);

public static class RecordCheckOutDecider
{
    public static VisitDecision Decide(BillingAccount? state, RecordCheckOut command, NewClaim next) =>
        DraftClaimDecider.ClaimIfDue(
            state,
            state?.CheckedOut == true ? [] : [new CheckOutRecorded(command.VisitId, command.PatientId, command.CheckedOutAt)],
            next);
}
