using System.Globalization;
using System.Net;
using System.Text.Json;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Simulator.Running;

/// <summary>The stretch tracking's analytics names as a clinic's bottleneck over a window; null when it names none.</summary>
public sealed record BottleneckAnswer(string Clinic, string? Interval, string? Why, string? Error = null)
{
    public override string ToString() =>
        Error is not null ? $"{Clinic}: analytics did not answer ({Error})"
        : Interval is null ? $"{Clinic}: no bottleneck"
        : $"{Clinic}: {Interval} ({Why})";
}

/// <summary>Asks <c>GET /api/tracking/analytics</c> (as operations) which waiting stretch holds a clinic up.</summary>
public sealed class BottleneckProbe(GatewayClient gateway)
{
    public async Task<BottleneckAnswer> AskAsync(string clinic, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var path = $"/api/tracking/analytics?from={Instant(from)}&to={Instant(to)}&clinic={Uri.EscapeDataString(clinic)}";
        ApiAnswer answer;
        try
        {
            answer = await gateway.SendAsync(HttpMethod.Get, path, Roles.Ops, null, untilKnown: false, ct);
        }
        catch (HttpRequestException failure)
        {
            return new BottleneckAnswer(clinic, null, null, failure.Message);
        }

        if (answer.Status != HttpStatusCode.OK || answer.Body.ValueKind != JsonValueKind.Object)
        {
            return new BottleneckAnswer(clinic, null, null, answer.Problem());
        }

        return answer.Body.TryGetProperty("bottleneck", out var found) && found.ValueKind == JsonValueKind.Object
            ? new BottleneckAnswer(clinic, found.GetProperty("interval").GetString(), found.TryGetProperty("why", out var why) ? why.GetString() : null)
            : new BottleneckAnswer(clinic, null, null);
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
