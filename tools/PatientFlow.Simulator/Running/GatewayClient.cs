using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PatientFlow.Simulator.Running;

/// <summary>An answer from the gateway: its status and, when there is one, its JSON body.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, JsonElement Body)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    public string Field(string name) => Body.GetProperty(name).GetString()!;

    /// <summary>What went wrong, without values a client sent: the problem's title, its detail for a conflict or a missing id, and the names of invalid fields.</summary>
    public string Problem()
    {
        if (Body.ValueKind != JsonValueKind.Object)
        {
            return $"{(int)Status}";
        }

        var title = Body.TryGetProperty("title", out var t) ? t.GetString() : null;
        var detail = Status is HttpStatusCode.Conflict or HttpStatusCode.NotFound && Body.TryGetProperty("detail", out var d) ? $": {d.GetString()}" : "";
        var fields = Body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? $" (fields: {string.Join(", ", errors.EnumerateObject().Select(e => e.Name))})"
            : "";
        return $"{(int)Status} {title}{detail}{fields}";
    }
}

/// <summary>
/// Calls the public API through the gateway with a development token per role, as any client would. Retries what
/// a client should: too many requests (after the gateway's Retry-After), a service restarting, and, when asked,
/// a 404 or 409 while a service has not yet heard of the visit from another.
/// </summary>
public sealed class GatewayClient(HttpClient http)
{
    private static readonly TimeSpan TokenRefresh = TimeSpan.FromHours(1);
    private static readonly TimeSpan NotYetKnownPatience = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, (string Token, DateTimeOffset IssuedAt)> tokens = [];
    private readonly SemaphoreSlim tokenGate = new(1, 1);

    public Uri BaseAddress => http.BaseAddress!;

    public Task<ApiAnswer> PostAsync(string role, string path, object body, CancellationToken ct, bool untilKnown = false) =>
        SendAsync(HttpMethod.Post, path, role, body, untilKnown, ct);

    public Task<ApiAnswer> PutAsync(string role, string path, object body, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, path, role, body, untilKnown: false, ct);

    /// <param name="untilKnown">Retry 404 and 409 for a while: the target hears of the visit through the broker.</param>
    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, string role, object? body, bool untilKnown, CancellationToken ct)
    {
        var patience = DateTimeOffset.UtcNow + NotYetKnownPatience;
        var transientTries = 0;
        while (true)
        {
            ApiAnswer answer;
            try
            {
                answer = await SendOnceAsync(method, path, role, body, ct);
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested && ++transientTries < 4)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * transientTries), ct);
                continue;
            }

            var retryAfter = answer.Status switch
            {
                HttpStatusCode.TooManyRequests => TimeSpan.FromSeconds(1),
                HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout when ++transientTries < 4 => TimeSpan.FromMilliseconds(500 * transientTries),
                HttpStatusCode.NotFound or HttpStatusCode.Conflict when untilKnown && DateTimeOffset.UtcNow < patience => TimeSpan.FromMilliseconds(200),
                _ => (TimeSpan?)null,
            };
            if (retryAfter is not { } wait)
            {
                return answer;
            }

            await Task.Delay(wait, ct);
        }
    }

    private async Task<ApiAnswer> SendOnceAsync(HttpMethod method, string path, string role, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role, ct));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return new ApiAnswer(response.StatusCode, json);
    }

    /// <summary>A development token for the role from <c>POST /dev/token</c>, fetched again after an hour.</summary>
    private async Task<string> TokenAsync(string role, CancellationToken ct)
    {
        await tokenGate.WaitAsync(ct);
        try
        {
            if (tokens.TryGetValue(role, out var held) && DateTimeOffset.UtcNow - held.IssuedAt < TokenRefresh)
            {
                return held.Token;
            }

            using var response = await http.PostAsJsonAsync("/dev/token", new { role, subject = $"simulator-{role}" }, Json, ct);
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct)).GetProperty("accessToken").GetString()!;
            tokens[role] = (token, DateTimeOffset.UtcNow);
            return token;
        }
        finally
        {
            tokenGate.Release();
        }
    }
}
