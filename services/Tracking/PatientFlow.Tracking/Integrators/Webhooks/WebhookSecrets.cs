using Marten;
using Marten.Patching;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// Webhook signing secrets at rest: encrypted with ASP.NET Core Data Protection, whose key ring is kept in tracking's
/// own database (<see cref="MartenKeyRing"/>), so every instance reads the same keys and a new container loses none.
/// Data Protection makes a new default key every 90 days and keeps the old ones in the ring, so a secret encrypted
/// under any earlier key still decrypts. The keys are themselves encrypted with a certificate (<see cref="KeyRingProtection"/>).
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    /// <summary>Data Protection's application name: the same on every instance, wherever it is installed.</summary>
    public const string ApplicationName = "patientflow-tracking";

    private readonly IDataProtector _protector = provider.CreateProtector("PatientFlow.Tracking.Webhooks.Secret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The secret that signs <paramref name="subscription"/>'s deliveries.</summary>
    public string Reveal(WebhookSubscription subscription) =>
        subscription.ProtectedSecret is { } protectedSecret ? _protector.Unprotect(protectedSecret)
        : subscription.Secret ?? throw new InvalidOperationException($"webhook subscription {subscription.Id} has no secret");

    /// <summary>
    /// Encrypts the secrets of subscriptions registered before secrets were encrypted, and removes them in clear:
    /// run by the webhook worker when it starts. Until then <see cref="Reveal"/> reads either form.
    /// </summary>
    public async Task<int> EncryptStoredAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var clear = await session.Query<WebhookSubscription>().Where(s => s.Secret != null).ToListAsync(ct);
        foreach (var subscription in clear)
        {
            // Patches, not a store: the worker's cursor and a replay request may move meanwhile.
            session.Patch<WebhookSubscription>(subscription.Id).Set(s => s.ProtectedSecret, Protect(subscription.Secret!));
            session.Patch<WebhookSubscription>(subscription.Id).Set(s => s.Secret, (string?)null);
        }

        await session.SaveChangesAsync(ct);
        return clear.Count;
    }

    public static void Configure(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        KeyRingProtection.Apply(services.AddDataProtection().SetApplicationName(ApplicationName), configuration, environment);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new MartenKeyRing(provider.GetRequiredService<IDocumentStore>())));
        services.AddSingleton<WebhookSecrets>();
    }
}
