using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PatientFlow.Intake.Encounters.Ordering;

/// <summary>
/// Sends orders to the lab and referral services' APIs (<c>Services:lab:Url</c>, <c>Services:referral:Url</c>),
/// as the clinician who placed them: their bearer token goes along, so each service checks its own roles.
/// </summary>
public sealed class OrderingClients(IHttpClientFactory clients, ILogger<OrderingClients> logger)
{
    public const string Lab = "lab";
    public const string Referral = "referral";

    /// <summary>Checks every code against the lab's catalog first, so a bad code orders nothing; then one lab order with them all.</summary>
    public async Task<IReadOnlyList<Guid>> OrderLabTestsAsync(
        Guid visitId, IReadOnlyList<string> tests, OrderPriority priority, string? bearer, CancellationToken ct)
    {
        using var lab = Client(Lab, bearer);
        var catalog = await SendAsync(lab, () => lab.GetAsync("api/lab/catalog", ct), "the lab", ct);
        var known = (await catalog.Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray()
            .Select(t => t.GetProperty("code").GetString()).ToHashSet();
        for (var i = 0; i < tests.Count; i++)
        {
            if (!known.Contains(tests[i]))
            {
                throw new InvalidFieldException($"testCodes[{i}]", "is not a test in the lab's catalog");
            }
        }

        // One lab order for all the tests: the lab accepts or refuses them together.
        var body = new { visitId, tests, priority = priority.ToString().ToLowerInvariant() };
        var created = await SendAsync(lab, () => lab.PostAsJsonAsync("api/lab/orders", body, ct), "the lab", ct);
        var orderId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("orderId").GetGuid();
        logger.LogInformation("Visit {VisitId}: lab order {OrderId} placed with {Count} tests", visitId, orderId, tests.Count);
        return [orderId];
    }

    public async Task<Guid> RequestReferralAsync(Guid visitId, RequestReferral command, string? bearer, CancellationToken ct)
    {
        using var referral = Client(Referral, bearer);
        var body = new
        {
            visitId,
            kind = command.Kind!.Value.ToString().ToLowerInvariant(),
            specialty = command.Specialty!.Trim(),
            urgency = command.Urgency.ToString().ToLowerInvariant(),
            reason = command.Reason!.Trim(),
        };
        var created = await SendAsync(referral, () => referral.PostAsJsonAsync("api/referral/referrals", body, ct), "the referral service", ct);
        var referralId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("referralId").GetGuid();
        logger.LogInformation("Visit {VisitId}: referral {ReferralId} requested", visitId, referralId);
        return referralId;
    }

    private HttpClient Client(string service, string? bearer)
    {
        var client = clients.CreateClient(service);
        if (client.BaseAddress is null)
        {
            throw new DependencyUnavailableException($"the {service} service's address is not configured (Services:{service}:Url)");
        }

        if (bearer is not null && AuthenticationHeaderValue.TryParse(bearer, out var header))
        {
            client.DefaultRequestHeaders.Authorization = header;
        }

        return client;
    }

    /// <summary>2xx passes; the other service's 4xx is the caller's mistake (409 with its detail); no answer or 5xx is 503.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<Task<HttpResponseMessage>> send, string who, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (HttpRequestException)
        {
            throw new DependencyUnavailableException($"{who} did not answer; nothing was ordered. Retry shortly.");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new DependencyUnavailableException($"{who} did not answer in time. Retry shortly.");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var detail = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).TryGetProperty("detail", out var d) ? d.GetString() : null
            : null;
        throw response.StatusCode switch
        {
            >= HttpStatusCode.InternalServerError => new DependencyUnavailableException($"{who} failed ({(int)response.StatusCode}). Retry shortly."),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ConflictException($"{who} refused the order for this user ({(int)response.StatusCode})"),
            _ => new ConflictException($"{who} refused the order: {detail ?? response.StatusCode.ToString()}"),
        };
    }
}
