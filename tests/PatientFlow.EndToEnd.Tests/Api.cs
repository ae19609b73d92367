using System.Net.Http.Json;

namespace PatientFlow.EndToEnd.Tests;

/// <summary>Small helpers for driving the public API as JSON, the way any client would.</summary>
internal static class Api
{
    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected) =>
        await ParseAsync(await ExpectAsync(client.PostAsJsonAsync(path, body), expected, $"POST {path}"));

    /// <summary>Posts, checks the status and reads the answer as <typeparamref name="T"/>, with the services' own JSON options.</summary>
    public static Task<T> PostJsonAsync<T>(this HttpClient client, string path, object body, HttpStatusCode expected) =>
        ExpectAsync(client.PostAsJsonAsync(path, body), expected, $"POST {path}").ReadAsAsync<T>();

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ParseAsync(await ExpectAsync(client.PutAsJsonAsync(path, body), expected, $"PUT {path}"));

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ParseAsync(await ExpectAsync(client.GetAsync(path), expected, $"GET {path}"));

    /// <summary>Gets, checks the status and reads the answer as <typeparamref name="T"/>, with the services' own JSON options.</summary>
    public static Task<T> GetJsonAsync<T>(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        ExpectAsync(client.GetAsync(path), expected, $"GET {path}").ReadAsAsync<T>();

    /// <summary>Polls a GET until it answers 200 and the body satisfies the condition.</summary>
    public static Task<JsonElement> EventuallyAsync(this HttpClient client, string path, Func<JsonElement, bool> until, TimeSpan? timeout = null) =>
        client.EventuallyAsync<JsonElement>(path, until, timeout);

    /// <summary>Polls a GET until it answers 200 and the answer, read as <typeparamref name="T"/>, satisfies the condition.</summary>
    public static async Task<T> EventuallyAsync<T>(this HttpClient client, string path, Func<T, bool> until, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync(path);
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.ReadAsAsync<T>();
                if (until(body))
                {
                    return body;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"GET {path} did not reach the expected state within {limit.TotalSeconds:0} s; last answer: {last}");
    }

    private static async Task<HttpResponseMessage> ExpectAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected, string what)
    {
        var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, $"{what} answered {text}");
        return response;
    }

    private static async Task<JsonElement> ParseAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}

internal static class ApiRetry
{
    /// <summary>
    /// Posts until answered <paramref name="success"/>, while answered <paramref name="retryOn"/> (the target does not know the visit yet);
    /// the answer read as <typeparamref name="T"/>.
    /// </summary>
    public static async Task<T> EventuallyAsyncPost<T>(
        this HttpClient client, string path, object body, TimeSpan? timeout = null,
        HttpStatusCode success = HttpStatusCode.Created, HttpStatusCode retryOn = HttpStatusCode.NotFound)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await client.PostAsJsonAsync(path, body);
            if (response.StatusCode == success)
            {
                return await response.ReadAsAsync<T>();
            }

            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != retryOn || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
            }

            await Task.Delay(50);
        }
    }
}

// The platform's answers as these tests read them. This project references no service, so each record names the service's
// own answer type and holds the fields read here; ids stay strings, as a client that only routes them treats them.

/// <summary>Scheduling's PatientDetails (POST /api/scheduling/patients).</summary>
internal sealed record PatientDetails(string PatientId);

/// <summary>Scheduling's ProviderDetails (POST /api/scheduling/providers).</summary>
internal sealed record ProviderDetails(string ProviderId);

/// <summary>Scheduling's SlotsResponse (POST /api/scheduling/providers/{id}/slots).</summary>
internal sealed record SlotsResponse(IReadOnlyList<SlotDetails> Slots);

internal sealed record SlotDetails(string SlotId);

/// <summary>Scheduling's AppointmentDetails (booking, check-out, GET /api/scheduling/appointments/{id}).</summary>
internal sealed record AppointmentDetails(string AppointmentId, string PatientId, string BookedVia, string? FollowUpAppointmentId);

/// <summary>Referral's ReferralDetails.</summary>
internal sealed record ReferralDetails(string ReferralId, string VisitId, string Status, ReferralAppointment? Appointment);

/// <summary>Referral's AppointmentDetails, the booking on a referral.</summary>
internal sealed record ReferralAppointment(string? AppointmentId);

/// <summary>Billing's Claim (GET /api/billing/visits/{id}/claim, POST /api/billing/claims/{id}/scrub).</summary>
internal sealed record Claim(
    string ClaimId,
    string ClaimNumber,
    string VisitId,
    string PatientId,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<ClaimLine> Lines,
    decimal TotalCharge,
    string Status,
    string FrequencyCode,
    ClaimAdjudicated? Adjudication);

internal sealed record ClaimLine(string Code, decimal Amount, IReadOnlyList<int> DiagnosisPointers, IReadOnlyList<string>? Modifiers);

internal sealed record ClaimAdjudicated(decimal Paid);

/// <summary>Tracking's VisitTimeline (GET /api/tracking/visits/{id}/timeline).</summary>
internal sealed record VisitTimeline(string? CurrentStage, IReadOnlyList<TimelineStep> Steps);

internal sealed record TimelineStep(string? Stage, string EventType, DateTimeOffset RecordedAt);

/// <summary>Tracking's FlowReport (GET /api/tracking/analytics).</summary>
internal sealed record FlowReport(
    int Visits,
    IReadOnlyList<IntervalTimes> Intervals,
    Distribution DoorToProvider,
    LittlesLawCheck LittlesLaw,
    NoShowRate NoShows,
    LateArrivalRate LateArrivals,
    BottleneckFinding? Bottleneck);

internal sealed record IntervalTimes(string Name, Distribution Times);

internal sealed record Distribution(int Count, double? P50, double? P90);

internal sealed record LittlesLawCheck(double? Ratio);

internal sealed record NoShowRate(double Rate);

internal sealed record LateArrivalRate(double Rate);

internal sealed record BottleneckFinding(string Interval, string Why);
