using PatientFlow.LocalInfrastructure;

namespace PatientFlow.AppHost.Running;

/// <summary>Polls a service's readiness endpoint the way Aspire's WaitFor does.</summary>
internal static class HealthProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static async Task<bool> IsReadyAsync(Uri url, CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(url, "health/ready"), ct);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>True once ready; false if the process exited first or <paramref name="timeout"/> passed.</summary>
    public static async Task<bool> WaitUntilReadyAsync(Uri url, ChildProcess process, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            if (await IsReadyAsync(url, ct))
            {
                return true;
            }

            await Task.Delay(Interval, ct);
        }

        return false;
    }
}
