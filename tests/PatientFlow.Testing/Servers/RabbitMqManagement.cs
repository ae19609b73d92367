using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace PatientFlow.Testing.Servers;

/// <summary>The slice of RabbitMQ's management HTTP API we need: a liveness probe and virtual hosts.</summary>
internal sealed class RabbitMqManagement : IDisposable
{
    private const int VirtualHostAttempts = 4;
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan VirtualHostLimit = TimeSpan.FromSeconds(45);
    private readonly HttpClient http;

    public RabbitMqManagement(Uri baseUrl, string user, string password)
    {
        BaseUrl = baseUrl;
        // Each call sets its own limit: a probe must answer quickly, while creating a virtual host starts its
        // message stores and can take many seconds on a busy node.
        http = new HttpClient { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
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
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(ProbeLimit);
        try
        {
            using var response = await http.GetAsync("api/overview", limit.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception failure) when (failure is HttpRequestException || (failure is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Creates the vhost if missing (PUT is idempotent) and gives <paramref name="user"/> full rights on it.</summary>
    /// <remarks>
    /// Both calls are idempotent PUTs, so one that timed out, lost its connection or got a 5xx is sent again
    /// (up to four times, 45 s each): a node busy starting other virtual hosts' stores answers late, not wrongly.
    /// </remarks>
    public async Task EnsureVirtualHostAsync(string vhost, string user, CancellationToken ct)
    {
        var name = Uri.EscapeDataString(vhost);
        await PutAsync($"api/vhosts/{name}", new { }, $"create virtual host '{vhost}'", ct);
        await PutAsync($"api/permissions/{name}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" },
            $"grant '{user}' access to virtual host '{vhost}'", ct);
    }

    /// <summary>Deletes the virtual host with its queues and messages; one already gone is fine.</summary>
    public async Task DeleteVirtualHostAsync(string vhost, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(VirtualHostLimit);
        using var deleted = await http.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(vhost)}", limit.Token);
        if (deleted.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(deleted, $"delete virtual host '{vhost}'", ct);
        }
    }

    private async Task PutAsync(string path, object body, string action, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(VirtualHostLimit);
            try
            {
                using var response = await http.PutAsJsonAsync(path, body, limit.Token);
                if ((int)response.StatusCode < 500 || attempt == VirtualHostAttempts)
                {
                    await EnsureSuccessAsync(response, action, ct);
                    return;
                }
            }
            catch (Exception failure) when (attempt < VirtualHostAttempts && !ct.IsCancellationRequested &&
                                            failure is HttpRequestException or OperationCanceledException)
            {
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"RabbitMQ management API could not {action}: no answer within {VirtualHostLimit.TotalSeconds:0} s, {VirtualHostAttempts} times.");
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
        }
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
