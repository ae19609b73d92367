using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace PatientFlow.LocalInfrastructure;

/// <summary>The slice of RabbitMQ's management HTTP API we need: a liveness probe and virtual hosts.</summary>
internal sealed class RabbitMqManagement : IDisposable
{
    private readonly HttpClient http;

    public RabbitMqManagement(Uri baseUrl, string user, string password)
    {
        BaseUrl = baseUrl;
        http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    public Uri BaseUrl { get; }

    /// <summary>Reads <c>http://user:pass@host:port/</c>, falling back to the AMQP credentials when the URL has none.</summary>
    public static RabbitMqManagement FromUrl(string url, string fallbackUser, string fallbackPassword)
    {
        var uri = new Uri(url);
        var credentials = uri.UserInfo.Split(':', 2);
        var baseUrl = new UriBuilder(uri) { UserName = "", Password = "" }.Uri;
        return credentials is [{ Length: > 0 } user, var password]
            ? new RabbitMqManagement(baseUrl, Uri.UnescapeDataString(user), Uri.UnescapeDataString(password))
            : new RabbitMqManagement(baseUrl, fallbackUser, fallbackPassword);
    }

    public async Task<bool> AnswersAsync(CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync("api/overview", ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Creates the vhost if missing (PUT is idempotent) and gives <paramref name="user"/> full rights on it.</summary>
    public async Task EnsureVirtualHostAsync(string vhost, string user, CancellationToken ct)
    {
        var name = Uri.EscapeDataString(vhost);
        using var created = await http.PutAsJsonAsync($"api/vhosts/{name}", new { }, ct);
        await EnsureSuccessAsync(created, $"create virtual host '{vhost}'", ct);
        using var granted = await http.PutAsJsonAsync(
            $"api/permissions/{name}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" }, ct);
        await EnsureSuccessAsync(granted, $"grant '{user}' access to virtual host '{vhost}'", ct);
    }

    public void Dispose() => http.Dispose();

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string action, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException($"RabbitMQ management API could not {action}: {(int)response.StatusCode} {body}");
        }
    }
}
