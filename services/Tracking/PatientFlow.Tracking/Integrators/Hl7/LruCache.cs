namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// At most <c>capacity</c> entries; adding one more forgets the one used longest ago. Not thread-safe: one reader
/// owns it.
/// </summary>
public sealed class LruCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _nodes = [];
    private readonly LinkedList<(TKey Key, TValue Value)> _byUse = new();

    public int Count => _nodes.Count;

    /// <summary>The value, now the most recently used.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _byUse.Remove(node);
            _byUse.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public bool Contains(TKey key) => _nodes.ContainsKey(key);

    public void Set(TKey key, TValue value)
    {
        Remove(key);
        _nodes[key] = _byUse.AddFirst((key, value));
        if (_nodes.Count > capacity)
        {
            Remove(_byUse.Last!.Value.Key);
        }
    }

    public void Remove(TKey key)
    {
        if (_nodes.Remove(key, out var node))
        {
            _byUse.Remove(node);
        }
    }
}
