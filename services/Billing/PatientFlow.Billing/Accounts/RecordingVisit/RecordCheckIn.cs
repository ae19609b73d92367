namespace PatientFlow.Billing.Accounts.RecordingVisit;

/// <summary>Note the patient's arrival, with the payer's answer at check-in: it sets the copay due at the desk.</summary>
public sealed record RecordCheckIn(Guid VisitId, Guid PatientId, DateTimeOffset CheckedInAt);

public static class RecordCheckInDecider
{
    /// <summary>A visit is checked in once; a repeat changes nothing and keeps the first answer.</summary>
    public static VisitDecision Decide(BillingAccount? state, RecordCheckIn command, EligibilityRecorded? eligibility, NewClaim next) =>
        DraftClaimDecider.ClaimIfDue(
            state,
            state?.CheckedInAt is not null
                ? []
                : [new CheckInRecorded(command.VisitId, command.PatientId, command.CheckedInAt), .. eligibility is null ? Array.Empty<object>() : [eligibility]],
            next);
}

public static class LabOrderDecider
{
    /// <summary>Tests already known for the order (redelivery) are not noted twice; tests already charged are not waited for.</summary>
    public static VisitDecision Ordered(BillingAccount? state, LabTestsOrdered ordered, NewClaim next)
    {
        var known = state is null ? [] : state.PendingLabTests.Concat(state.ChargedLabTests).ToHashSet();
        var fresh = ordered.TestCodes.Where(c => !known.Contains(BillingAccount.LabTestKey(ordered.OrderId, c))).ToList();
        return DraftClaimDecider.ClaimIfDue(state, fresh.Count == 0 ? [] : [ordered with { TestCodes = fresh }], next);
    }

    /// <summary>Only tests still waited for are cancelled; with none left, a waiting claim is drafted now.</summary>
    public static VisitDecision Cancelled(BillingAccount? state, LabTestsCancelled cancelled, NewClaim next)
    {
        var pending = state?.PendingLabTests.ToHashSet() ?? [];
        var waiting = cancelled.TestCodes.Where(c => pending.Contains(BillingAccount.LabTestKey(cancelled.OrderId, c))).ToList();
        return DraftClaimDecider.ClaimIfDue(state, waiting.Count == 0 ? [] : [cancelled with { TestCodes = waiting }], next);
    }
}
