using System.Security.Cryptography;
using System.Text;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// Ids derived from a natural key (a clinic's code, a room): every instance computes the same stream id, so
/// registering the same code twice collides in the event store instead of needing a lookup first.
/// </summary>
public static class StableId
{
    public static Guid From(string kind, string key)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"{kind}:{key.Trim().ToUpperInvariant()}"));
        // RFC 4122 name-based layout (version 3, variant 1).
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
