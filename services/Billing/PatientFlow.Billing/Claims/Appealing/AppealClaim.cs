namespace PatientFlow.Billing.Claims.Appealing;

public sealed record AppealClaim(string? Reason = null);

public static class AppealClaimDecider
{
    /// <summary>POST /claims/{id}/appeal</summary>
    public static Task<Ok<Claim>> Handle(Guid claimId, AppealClaim command, ClaimCommands commands, ClaimContexts contexts) =>
        commands.DecideAsync(claimId, (claim, who, now) => Decide(claim, command.Reason, contexts.For(who, now)));

    /// <summary>A denial (or a partly denied claim) is appealed with the reason the payer should reconsider.</summary>
    public static IReadOnlyList<object> Decide(Claim claim, string? reason, ClaimContext context) =>
        claim.Status is ClaimStatus.Denied or ClaimStatus.PartiallyPaid
            ? [new ClaimAppealed(claim.ClaimId, claim.VisitId, claim.PatientId, TextField.Required("reason", reason, 500), context.By, context.Now)]
            : throw new ConflictException($"claim {claim.ClaimNumber} is {claim.Status}: only a denied or partially paid claim is appealed", "status");
}
