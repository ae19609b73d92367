using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// Data Protection's key ring as documents in tracking's database, one per key; keys are never changed or deleted.
/// </summary>
/// <remarks>
/// Data Protection asks synchronously and Marten 9 answers asynchronously only, so this waits for Marten. It is
/// asked rarely: the ring is read when first used and then about once a day, and a key written about once in 90 days.
/// Keys are stored as Data Protection writes them: encrypted with the certificate of <see cref="KeyRingProtection"/>
/// (required outside Development), so whoever can read the whole database still cannot decrypt the secrets in it.
/// </remarks>
public sealed class MartenKeyRing(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAsync()
    {
        await using var session = store.QuerySession();
        return [.. (await session.Query<DataProtectionKey>().ToListAsync()).Select(key => XElement.Parse(key.Xml))];
    }

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        await using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        await session.SaveChangesAsync();
    }
}

/// <summary>One key of the ring: its name (<c>key-{id}</c>) and its XML.</summary>
public sealed record DataProtectionKey(string Id, string Xml);
