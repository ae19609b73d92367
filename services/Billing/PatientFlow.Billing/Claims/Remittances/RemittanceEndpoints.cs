using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Billing.X12;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Claims.Remittances;

public static class RemittanceEndpoints
{
    // An 835 for a large practice runs to a few megabytes; anything far beyond is not a remittance.
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapRemittanceEndpoints(this IEndpointRouteBuilder app)
    {
        var remittances = app.MapGroup("/api/billing/remittances").RequireAuthorization(AccessPolicies.Billing).WithTags("Remittances (835)");
        remittances.MapPost("/", Post).Accepts<string>("application/edi-x12", "text/plain");
        remittances.MapGet("/{remittanceId:guid}", Get);
        return app;
    }

    /// <summary>
    /// Posts an 835 file (the request body, as received from the clearinghouse). Every claim payment posts to its claim
    /// in one commit; a CLP loop that matches no claim with the payer is listed as unposted. The same file (payer and
    /// trace number) posted again returns the first posting and changes nothing.
    /// </summary>
    private static async Task<Results<Created<RemittanceDetails>, Ok<RemittanceDetails>>> Post(
        HttpRequest request, IDocumentSession session, ClaimDesk desk, HttpContext http, ILogger<RemittanceDetails> logger, CancellationToken ct)
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

        var context = desk.Context(http.User.Identity?.Name ?? "unknown");
        var posted = new List<PostedClaim>();
        var unposted = new List<UnpostedClaim>();
        foreach (var payment in remittance.Claims)
        {
            var number = ClaimNumber.Parse(payment.PatientControlNumber) is { } id ? await session.LoadAsync<ClaimNumber>(id, ct) : null;
            if (number is null)
            {
                unposted.Add(new UnpostedClaim(payment.PatientControlNumber, "no claim has this number"));
                continue;
            }

            try
            {
                var (_, after, _, _) = await desk.DecideAsync(
                    session, number.ClaimId,
                    (claim, coverage) => ClaimDecisions.Adjudicate(claim, payment, remittanceId, remittance.TraceNumber, remittance.PaymentDate, coverage, context),
                    ct);
                var adjudication = after.Adjudication!;
                posted.Add(new PostedClaim(after.ClaimId, after.ClaimNumber, adjudication.Outcome, adjudication.Paid, adjudication.PatientResponsibility));
            }
            catch (ConflictException refused)
            {
                unposted.Add(new UnpostedClaim(payment.PatientControlNumber, refused.Message));
            }
        }

        var details = new RemittancePosted(
            remittanceId, remittance.TraceNumber, remittance.PayerName, remittance.TotalPaid, remittance.PaymentMethod, remittance.PaymentDate, posted, unposted,
            context.By, context.Now);
        session.Events.StartStream<RemittanceDetails>(remittanceId, details);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Remittance {RemittanceId} (trace {TraceNumber}) posted: {Posted} claims, {Unposted} unposted",
            remittanceId, remittance.TraceNumber, posted.Count, unposted.Count);
        return TypedResults.Created($"/api/billing/remittances/{remittanceId}", RemittanceDetails.Create(details));
    }

    private static async Task<Ok<RemittanceDetails>> Get(Guid remittanceId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadAsync<RemittanceDetails>(remittanceId, ct) ?? throw new NotFoundException($"remittance {remittanceId} not found"));
}
