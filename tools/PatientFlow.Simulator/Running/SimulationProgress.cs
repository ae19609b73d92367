using System.Collections.Concurrent;

namespace PatientFlow.Simulator.Running;

/// <summary>Counts of what was sent and what happened in each clinic, safe to update from many calls at once.</summary>
public sealed class SimulationProgress
{
    private readonly ConcurrentDictionary<(string Clinic, string What), int> counts = new();
    private readonly ConcurrentDictionary<string, int> failures = new();
    private int sent;
    private int failed;
    private int skipped;

    public int Sent => sent;

    public int Failed => failed;

    public int Skipped => skipped;

    public void Succeeded(ScheduledCall call)
    {
        Interlocked.Increment(ref sent);
        var what = call.Kind switch
        {
            CallKind.Book => "booked",
            CallKind.CheckIn or CallKind.WalkIn => "arrived",
            CallKind.CheckOut => "checked out",
            _ => null,
        };
        if (what is not null)
        {
            counts.AddOrUpdate((call.Clinic, what), 1, (_, n) => n + 1);
        }
    }

    /// <param name="what">The kind of call and the problem, without ids or values, e.g. <c>book: 410</c>.</param>
    public void Failure(string what)
    {
        Interlocked.Increment(ref sent);
        Interlocked.Increment(ref failed);
        failures.AddOrUpdate(what, 1, (_, n) => n + 1);
    }

    /// <summary>The failures by kind and problem, most frequent first, e.g. <c>book: 410 x9; room: 404 Not Found x2</c>; empty when none failed.</summary>
    public string FailureSummary() =>
        string.Join("; ", failures.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} x{f.Value}"));

    public void Skip() => Interlocked.Increment(ref skipped);

    public int Count(string clinic, string what) => counts.GetValueOrDefault((clinic, what));

    /// <summary>One clinic's day so far, e.g. <c>east booked 62, arrived 30, checked out 21</c>.</summary>
    public string Of(string clinic) =>
        $"{clinic} booked {Count(clinic, "booked")}, arrived {Count(clinic, "arrived")}, checked out {Count(clinic, "checked out")}";
}
