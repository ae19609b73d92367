using System.Text.Json;

namespace PatientFlow.Gateway.Tests;

internal static class Problems
{
    /// <summary>Asserts an RFC 9457 answer with the status and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        return problem;
    }
}
