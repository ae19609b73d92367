namespace PatientFlow.Testing;

/// <summary>Waits for something that happens asynchronously (a consumer, a projection) to become visible.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<T> Until<T>(Func<Task<T?>> attempt, TimeSpan? timeout = null, string? what = null)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what ?? "The condition"} did not hold within {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }
    }
}
