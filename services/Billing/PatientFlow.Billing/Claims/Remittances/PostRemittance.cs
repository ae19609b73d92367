using PatientFlow.Billing.Claims.Adjudicating;
using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Claims.Remittances;

public static class PostRemittanceDecider
{
    // An 835 for a large practice runs to a few megabytes; anything far beyond is not a remittance.
    public const int MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>
    /// POST /remittances: posts an 835 file (the request body, as received from the clearinghouse). Every claim payment posts to its claim
    /// in one commit; a CLP loop that matches no claim with the payer is listed as unposted. The same file (payer and
    /// trace number) posted again returns the first posting and changes nothing.
    /// </summary>
    public static async Task<Results<Created<RemittanceDetails>, Ok<RemittanceDetails>>> Handle(
        HttpRequest request, IDocumentSession session, ClaimContexts contexts, HttpContext http, ILogger<RemittanceDetails> logger, CancellationToken ct)
    {
        if (request.ContentLength > MaxFileBytes)
        {
            throw new InvalidFieldException("file", $"is larger than {MaxFileBytes / 1024 / 1024} MB");
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        Remittance remittance;
        try
        {
            remittance = Reader835.Read(text);
        }
        catch (FormatException e)
        {
            throw new InvalidFieldException("file", $"is not a readable 835: {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(remittance.TraceNumber))
        {
            throw new InvalidFieldException("file", "has no TRN trace number, so it could not be recognised if posted twice");
        }

        var remittanceId = StableId.From("remittance", $"{remittance.PayerName}:{remittance.TraceNumber}");
        if (await session.LoadAsync<RemittanceDetails>(remittanceId, ct) is { } already)
        {
            return TypedResults.Ok(already);
        }

        var context = contexts.For(http.User.Identity?.Name ?? "unknown");
        // Each claim is fetched under its stream's lock; in id order, so two postings (or a posting and an acknowledgement)
        // cannot deadlock. The lists keep the file's order.
        var matched = new List<(int Index, ClaimPayment Payment, Guid ClaimId)>();
        var outcomes = new SortedDictionary<int, object>();
        for (var i = 0; i < remittance.Claims.Count; i++)
        {
            var payment = remittance.Claims[i];
            var number = ClaimNumber.Parse(payment.PatientControlNumber) is { } id ? await session.LoadAsync<ClaimNumber>(id, ct) : null;
            if (number is null)
            {
                outcomes[i] = new UnpostedClaim(payment.PatientControlNumber, "no claim has this number");
            }
            else
            {
                matched.Add((i, payment, number.ClaimId));
            }
        }

        foreach (var (index, payment, claimId) in matched.OrderBy(m => m.ClaimId))
        {
            try
            {
                var (claim, events) = await session.AppendAsync<Claim>(claimId, async claim => AdjudicateClaimDecider.Decide(
                    claim!, payment, remittanceId, remittance.TraceNumber, remittance.PaymentDate, await ClaimContexts.PrimaryCoverageAsync(session, claim!.PatientId, ct),
                    context), () => Claim.NotFound(claimId), ct);
                var after = Claim.Replay(claim, events);
                var adjudication = after.Adjudication!;
                outcomes[index] = new PostedClaim(after.ClaimId, after.ClaimNumber, adjudication.Outcome, adjudication.Paid, adjudication.PatientResponsibility);
            }
            catch (ConflictException refused)
            {
                outcomes[index] = new UnpostedClaim(payment.PatientControlNumber, refused.Message);
            }
        }

        var posted = outcomes.Values.OfType<PostedClaim>().ToList();
        var unposted = outcomes.Values.OfType<UnpostedClaim>().ToList();
        var details = new RemittancePosted(
            remittanceId, remittance.TraceNumber, remittance.PayerName, remittance.TotalPaid, remittance.PaymentMethod, remittance.PaymentDate, posted, unposted,
            context.By, context.Now);
        await session.StartAsync<RemittanceDetails>(remittanceId, http, [details], ct);
        logger.LogInformation("Remittance {RemittanceId} (trace {TraceNumber}) posted: {Posted} claims, {Unposted} unposted",
            remittanceId, remittance.TraceNumber, posted.Count, unposted.Count);
        return TypedResults.Created($"/api/billing/remittances/{remittanceId}", RemittanceDetails.Create(details));
    }
}
