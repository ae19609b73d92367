using System.Collections.Concurrent;
using System.Reflection;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// The aggregate is an inline snapshot that decisions read: the command path fetches it under the stream's row lock
/// (<c>FetchForExclusiveWriting</c>), so the stored document and the version it is checked against are read together.
/// Without the lock the two are separate reads, and a commit between them would let a decision on stale state pass.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FetchWithLockAttribute : Attribute
{
    private static readonly ConcurrentDictionary<Type, bool> Marked = new();

    public static bool Applies<T>() => Marked.GetOrAdd(typeof(T), type => type.GetCustomAttribute<FetchWithLockAttribute>() is not null);
}
