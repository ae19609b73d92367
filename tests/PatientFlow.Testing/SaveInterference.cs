using System.Collections.Concurrent;
using Marten;
using Marten.Services;

namespace PatientFlow.Testing;

/// <summary>
/// Makes one save lose a real race. When a session is about to save changes that match the armed
/// condition, another session commits first: what a second replica handling the same visit (or the
/// same message) at the same moment would commit. The first save then fails on PostgreSQL's own
/// constraints, exactly as in production, and the consumer's retry policy takes over.
/// </summary>
public sealed class SaveInterference : DocumentSessionListenerBase
{
    private static readonly AsyncLocal<bool> Interfering = new();
    private readonly ConcurrentDictionary<IDocumentSession, bool> _matched = new();
    private Func<IDocumentSession, bool> _when = _ => false;
    private Func<IDocumentSession, Task>? _commitFirst;
    private int _attempts;
    private int _commits;

    /// <summary>Saves that matched the condition, the one interfered with included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Matching saves that committed.</summary>
    public int Commits => Volatile.Read(ref _commits);

    /// <summary>
    /// Waits until <paramref name="count"/> matching saves have committed. A commit is visible to other sessions a
    /// moment before Marten calls <see cref="AfterCommitAsync"/>, so a test that saw its effect must still wait for the count.
    /// </summary>
    public async Task<int> CommitsAfterAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (Commits < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return Commits;
    }

    /// <summary>The next save matching <paramref name="when"/> finds <paramref name="commitFirst"/>'s changes committed ahead of it.</summary>
    public void Arm(Func<IDocumentSession, bool> when, Func<IDocumentSession, Task> commitFirst)
    {
        _matched.Clear();
        _attempts = 0;
        _commits = 0;
        _when = when;
        _commitFirst = commitFirst;
    }

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (Interfering.Value || !_when(session))
        {
            return;
        }

        _matched[session] = true;
        Interlocked.Increment(ref _attempts);
        if (Interlocked.Exchange(ref _commitFirst, null) is { } commitFirst)
        {
            Interfering.Value = true;
            await using var competitor = session.DocumentStore.LightweightSession();
            await commitFirst(competitor);
            await competitor.SaveChangesAsync(token);
            Interfering.Value = false;
        }
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (_matched.TryRemove(session, out _))
        {
            Interlocked.Increment(ref _commits);
        }

        return Task.CompletedTask;
    }
}
