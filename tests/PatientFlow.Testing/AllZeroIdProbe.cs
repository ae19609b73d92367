using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PatientFlow.Testing;

/// <summary>How one route answered the all-zero id and an id that names nothing.</summary>
public sealed record IdProbeAnswer(HttpRoute Route, HttpStatusCode AllZero, HttpStatusCode Unknown, string AllZeroBody)
{
    public override string ToString() => $"{Route}: all-zero id {(int)AllZero}, unknown id {(int)Unknown} ({AllZeroBody})";
}

public static class AllZeroIdProbe
{
    /// <summary>
    /// Asks every route of the service that takes a GUID in its path once with <see cref="Guid.Empty"/> and once with a new
    /// id, with a role the route admits and, for a POST, PUT or PATCH, the body <c>{}</c>. Both name nothing, so both
    /// should be answered alike.
    /// </summary>
    public static async Task<IReadOnlyList<IdProbeAnswer>> ProbeAllZeroIdsAsync<TProgram>(this ServiceFactory<TProgram> factory)
        where TProgram : class
    {
        var answers = new List<IdProbeAnswer>();
        foreach (var route in RouteTable.Of(factory.Services).Where(r => r.GuidParameters.Count > 0))
        {
            var client = route.Role is null ? factory.CreateAnonymousClient() : factory.CreateClient(route.Role);
            var (allZero, body) = await SendAsync(client, route, Guid.Empty);
            var (unknown, _) = await SendAsync(client, route, Guid.CreateVersion7());
            answers.Add(new IdProbeAnswer(route, allZero, unknown, body));
        }

        return answers;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, HttpRoute route, Guid id)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.PathWith(id));
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("title", out var title) ? title.GetString() ?? "" : ""
            : response.Content.Headers.ContentType?.MediaType ?? "no body";
        return (response.StatusCode, body);
    }
}
