using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Claims.Scrubbing;
using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Accounts.Claiming;

/// <summary>
/// What a claim drafted by this decision would be called and when; unused when none is due. With
/// <see cref="WaitForLabResults"/> a claim is not drafted while an ordered lab test is neither resulted nor cancelled.
/// </summary>
public sealed record NewClaim(Guid ClaimId, string Currency, DateTimeOffset CreatedAt, bool WaitForLabResults = false);

/// <summary>
/// Events for the visit's account, the claim to start when this decision drafted one, and the charges recorded after
/// the claim was drafted, which belong on that claim (<see cref="ClaimId"/>) as late charges.
/// </summary>
public sealed record VisitDecision(IReadOnlyList<object> AccountEvents, ClaimCreated? Claim, IReadOnlyList<Charge>? LateCharges = null, Guid? ClaimId = null);

public static class DraftClaimDecider
{
    /// <summary>Starts the claim's stream: numbered, then scrubbed against the patient's coverage in the same commit.</summary>
    public static async Task StartAsync(IDocumentSession session, ClaimCreated created, ClaimContext context, CancellationToken ct)
    {
        var number = new ClaimNumber { ClaimId = created.ClaimId };
        session.Store(number);
        var numbered = created with { ClaimNumber = number.Number };
        var primary = await ClaimContexts.PrimaryCoverageAsync(session, created.PatientId, ct);
        session.Events.StartStream<Claim>(created.ClaimId, [numbered, .. ScrubClaimDecider.Decide(Claim.Create(numbered), primary, context)]);
    }

    // An 837P service line points at no more than four diagnoses.
    public const int MaxPointersPerLine = 4;

    /// <summary>
    /// Adds the claim to <paramref name="events"/> when they make it due: the patient has checked out
    /// and the encounter is complete, and no claim exists yet. Whichever fact arrives last drafts it;
    /// the account stream's version makes a second draft by a concurrent consumer fail at save.
    /// </summary>
    public static VisitDecision ClaimIfDue(BillingAccount? before, IReadOnlyList<object> events, NewClaim next)
    {
        var after = BillingAccount.Replay(before, events);
        if (after?.ClaimId is { } existing)
        {
            // The claim exists: a charge recorded now is late and goes to that claim, which adds it or corrects itself.
            var late = events.OfType<LabResultCharged>().Select(e => e.Charge).ToList();
            return new VisitDecision(events, null, late.Count > 0 ? late : null, late.Count > 0 ? existing : null);
        }

        if (after is not { CheckedOutAt: { } checkedOutAt, Encounter: { } encounter } || (next.WaitForLabResults && after.PendingLabTests.Count > 0))
        {
            return new VisitDecision(events, null);
        }

        var lines = Lines(after.Charges, encounter.Diagnoses);
        if (after.Charges.FirstOrDefault(c => c.Currency != next.Currency) is { } foreign)
        {
            throw new ConflictException($"visit {after.Id} has charges in {foreign.Currency}, the claim is in {next.Currency}");
        }

        // The date of service is the day the patient came, in the clinic's zone: arrival, else the appointment, else check-out.
        var serviceDate = after.ServiceDate(after.CheckedInAt ?? after.Appointment?.StartsAt ?? checkedOutAt);
        var claim = new ClaimCreated(
            next.ClaimId, after.Id, after.PatientId, encounter.ProviderId, after.Appointment?.Clinic,
            serviceDate, encounter.Diagnoses, lines, lines.Sum(l => l.Amount),
            next.Currency, next.CreatedAt);
        return new VisitDecision([.. events, new ClaimDrafted(after.Id, next.ClaimId)], claim);
    }

    /// <summary>A charge as a claim line numbered <paramref name="lineNumber"/>; lab charges, which carry no diagnosis, point at the primary.</summary>
    public static ClaimLine Line(int lineNumber, Charge c, int diagnosisCount) => new(
        lineNumber, c.Code, c.Units, c.UnitPrice, c.Amount,
        c.DiagnosisPointers.Count > 0 || diagnosisCount == 0 ? c.DiagnosisPointers : [1],
        c.Source, c.Unpriced, c.Modifiers);

    public static IReadOnlyList<int> EncounterPointers(IReadOnlyList<string> diagnoses) =>
        [.. Enumerable.Range(1, Math.Min(MaxPointersPerLine, diagnoses.Count))];

    // Encounter lines first, then lab lines as they were recorded, whatever order the events came in.
    // Lab results carry no diagnosis of their own; every line needs one, so they point at the primary.
    private static List<ClaimLine> Lines(IReadOnlyList<Charge> charges, IReadOnlyList<string> diagnoses) =>
        [.. charges
            .OrderBy(c => c.Source == ChargeSource.Encounter ? 0 : 1)
            .Select((c, i) => Line(i + 1, c, diagnoses.Count))];
}
