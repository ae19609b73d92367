using System.Net.Http.Json;

namespace PatientFlow.EndToEnd.Tests;

/// <summary>Small helpers for driving the public API as JSON, the way any client would.</summary>
internal static class Api
{
    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(path, body);
        return await ReadAsync(response, expected, $"POST {path}");
    }

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PutAsJsonAsync(path, body);
        return await ReadAsync(response, expected, $"PUT {path}");
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        return await ReadAsync(response, expected, $"GET {path}");
    }

    /// <summary>Polls a GET until it answers 200 and the body satisfies the condition.</summary>
    public static async Task<JsonElement> EventuallyAsync(this HttpClient client, string path, Func<JsonElement, bool> until, TimeSpan? timeout = null)
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
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                if (until(body))
                {
                    return body;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"GET {path} did not reach the expected state within {limit.TotalSeconds:0} s; last answer: {last}");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, $"{what} answered {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}

internal static class ApiRetry
{
    /// <summary>Posts until answered <paramref name="success"/>, while answered <paramref name="retryOn"/> (the target does not know the visit yet).</summary>
    public static async Task<JsonElement> EventuallyAsyncPost(
        this HttpClient client, string path, object body, TimeSpan? timeout = null,
        HttpStatusCode success = HttpStatusCode.Created, HttpStatusCode retryOn = HttpStatusCode.NotFound)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await client.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == success)
            {
                return JsonDocument.Parse(text).RootElement;
            }

            if (response.StatusCode != retryOn || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
            }

            await Task.Delay(50);
        }
    }
}
