using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Integrators.Webhooks;
using PatientFlow.Tracking.Tests.Feed;

namespace PatientFlow.Tracking.Tests.Webhooks;

/// <summary>The webhook test service, with every log entry it writes kept, its key ring encrypted with a certificate as in Production.</summary>
public sealed class LoggedWebhookFactory : WebhookFactory
{
    private readonly PemCertificate _keyRingCertificate = new();

    public LogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{KeyRingProtection.Section}:{nameof(KeyRingProtection.CertificatePath)}", _keyRingCertificate.CertificatePath);
        builder.UseSetting($"{KeyRingProtection.Section}:{nameof(KeyRingProtection.KeyPath)}", _keyRingCertificate.KeyPath);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCollector>(null, LogLevel.Trace));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _keyRingCertificate.Dispose();
    }
}

/// <summary>Signing secrets are encrypted at rest with Data Protection, its key ring in tracking's database.</summary>
public class WebhookSecretTests(LoggedWebhookFactory factory) : IClassFixture<LoggedWebhookFactory>
{
    [Fact]
    public async Task Register_SecretEncryptedAtRest_DeliveriesStillVerify_SecretInNoLogNorLaterAnswer()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var integrator = factory.CreateClient(Roles.Integrator);
        var generated = await integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = receiver.Url, clinics = new[] { clinic } })
            .ReadAsAsync<RegisteredWebhook>();
        var given = WebhookSignature.NewSecret();
        var chosen = await integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = receiver.Url, clinics = new[] { $"other-{clinic}" }, secret = given })
            .ReadAsAsync<RegisteredWebhook>();
        receiver.Secret = generated.Secret!;

        var visit = VisitScript.New(clinic, DateTimeOffset.UtcNow.AddMinutes(-30));
        await FeedClients.PublishAndWaitAsync(factory, clinic, [visit.Booked(), visit.CheckedIn()]);
        await Eventually.Until(() => Task.FromResult(receiver.Received.Count(r => r.Answered == 200) >= 2 ? (object)true : null),
            timeout: TimeSpan.FromSeconds(30), what: "both deliveries");

        generated.Secret.Should().StartWith(WebhookSignature.SecretPrefix, "a generated secret is answered once, at registration");
        chosen.Secret.Should().BeNull("a secret the client chose is not echoed");
        receiver.Received.Should().OnlyContain(r => r.Verified, "signed with the secret decrypted from the database");
        foreach (var (id, secret) in new[] { (generated.Id, generated.Secret!), (chosen.Id, given) })
        {
            var row = await RowAsync<WebhookSubscription>(id);
            row.GetRawText().Should().NotContain(secret[WebhookSignature.SecretPrefix.Length..], "the row holds no plain secret");
            var document = row.GetProperty("data");
            document.GetProperty("secret").ValueKind.Should().Be(JsonValueKind.Null);
            document.GetProperty("protectedSecret").GetString().Should().NotBeNullOrEmpty();
            (await integrator.GetAsync($"/api/tracking/webhooks/{id}").ReadAsAsync<RegisteredWebhook>()).Secret.Should().BeNull();
        }

        (await integrator.GetAsync("/api/tracking/webhooks").ReadAsAsync<IReadOnlyList<RegisteredWebhook>>()).Should().OnlyContain(w => w.Secret == null);
        var keyRing = await RowsAsync<DataProtectionKey>();
        keyRing.Should().NotBeEmpty("the key ring is kept in tracking's database")
            .And.OnlyContain(key => key.GetProperty("data").GetProperty("xml").GetString()!.StartsWith("<key "))
            .And.OnlyContain(key => key.GetProperty("data").GetProperty("xml").GetString()!.Contains("<encryptedSecret"), "the keys are encrypted with the certificate")
            .And.NotContain(key => key.GetProperty("data").GetProperty("xml").GetString()!.Contains("<masterKey"), "no key is stored in clear");
        var secrets = new[] { generated.Secret!, given }.Select(secret => secret[WebhookSignature.SecretPrefix.Length..]).ToList();
        factory.Logs.Entries.Should().NotBeEmpty("the service's logs are collected")
            .And.NotContain(entry => secrets.Any(secret => entry.Contains(secret)));
    }

    [Fact]
    public async Task Delivery_SubscriptionStoredWithItsSecretInClear_StillVerifies_AndTheWorkerEncryptsTheSecretWhenItStarts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clinic = $"clinic-{Guid.NewGuid():N}";
        receiver.Secret = WebhookSignature.NewSecret();
        // As subscriptions were stored before secrets were encrypted.
        var legacy = new WebhookSubscription(Guid.CreateVersion7(), receiver.Url, [], [clinic], PayloadScope.Ids, receiver.Secret, "test-integrator",
            DateTimeOffset.UtcNow, factory.Services.GetRequiredService<FeedHub>().SafePosition);
        await using (var session = factory.Store.LightweightSession())
        {
            session.Store(legacy);
            await session.SaveChangesAsync();
        }

        var visit = VisitScript.New(clinic, DateTimeOffset.UtcNow.AddMinutes(-30));
        await FeedClients.PublishAndWaitAsync(factory, clinic, [visit.Booked()]);
        await Eventually.Until(() => Task.FromResult(receiver.Received.Any(r => r.Answered == 200) ? (object)true : null),
            timeout: TimeSpan.FromSeconds(30), what: "the delivery signed with the clear secret");
        (await RowAsync<WebhookSubscription>(legacy.Id)).GetProperty("data").GetProperty("secret").GetString().Should().Be(receiver.Secret);

        var worker = factory.Services.GetServices<IHostedService>().OfType<WebhookWorker>().Single();
        await worker.StopAsync(CancellationToken.None);
        await worker.StartAsync(CancellationToken.None);
        var encrypted = await Eventually.Until(async () =>
        {
            var row = await RowAsync<WebhookSubscription>(legacy.Id);
            return row.GetProperty("data").GetProperty("secret").ValueKind == JsonValueKind.Null ? row.GetRawText() : null;
        }, timeout: TimeSpan.FromSeconds(30), what: "the clear secret encrypted");
        await FeedClients.PublishAndWaitAsync(factory, clinic, [visit.CheckedIn()]);
        await Eventually.Until(() => Task.FromResult(receiver.Received.Count(r => r.Answered == 200) >= 2 ? (object)true : null),
            timeout: TimeSpan.FromSeconds(30), what: "the delivery signed with the decrypted secret");

        encrypted.Should().NotContain(receiver.Secret[WebhookSignature.SecretPrefix.Length..]);
        receiver.Received.Should().HaveCount(2).And.OnlyContain(r => r.Verified);
    }

    [Fact]
    public async Task Secret_EncryptedUnderAnOlderKey_StillDecrypts_AfterANewKeyBecomesTheDefault()
    {
        await using var early = await WebhookReceiver.StartAsync();
        await using var late = await WebhookReceiver.StartAsync();
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var integrator = factory.CreateClient(Roles.Integrator);
        var before = await integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = early.Url, clinics = new[] { clinic } }).ReadAsAsync<RegisteredWebhook>();
        var keys = factory.Services.GetRequiredService<IKeyManager>();
        var older = await KeyIdAsync(before.Id);

        // What Data Protection does every 90 days: a new key becomes the default, the old ones stay in the ring.
        var newer = keys.CreateNewKey(activationDate: DateTimeOffset.UtcNow, expirationDate: DateTimeOffset.UtcNow.AddDays(90));
        // Data Protection rereads its ring in the background and keeps using the ring it has meanwhile.
        var secrets = factory.Services.GetRequiredService<WebhookSecrets>();
        await Eventually.Until(() => Task.FromResult(KeyIdOf(secrets.Protect("probe")) == newer.KeyId ? (object)true : null), what: "the new key in use");
        var after = await integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = late.Url, clinics = new[] { clinic } }).ReadAsAsync<RegisteredWebhook>();
        (early.Secret, late.Secret) = (before.Secret!, after.Secret!);
        var visit = VisitScript.New(clinic, DateTimeOffset.UtcNow.AddMinutes(-30));
        await FeedClients.PublishAndWaitAsync(factory, clinic, [visit.Booked()]);
        await Eventually.Until(() => Task.FromResult(early.Received.Any(r => r.Answered == 200) && late.Received.Any(r => r.Answered == 200) ? (object)true : null),
            timeout: TimeSpan.FromSeconds(30), what: "a delivery to each");

        older.Should().NotBe(newer.KeyId);
        (await KeyIdAsync(after.Id)).Should().Be(newer.KeyId, "the new key is the default");
        keys.GetAllKeys().Select(key => key.KeyId).Should().Contain([older, newer.KeyId]);
        early.Received.Should().OnlyContain(r => r.Verified, "signed with the secret encrypted under the older key");
        late.Received.Should().OnlyContain(r => r.Verified);
    }

    /// <summary>The key a subscription's secret is encrypted under.</summary>
    private async Task<Guid> KeyIdAsync(Guid subscriptionId) =>
        KeyIdOf((await RowAsync<WebhookSubscription>(subscriptionId)).GetProperty("data").GetProperty("protectedSecret").GetString()!);

    /// <summary>A Data Protection payload is a 4-byte magic header, then the id of the key it was encrypted under.</summary>
    private static Guid KeyIdOf(string protectedPayload) => new(WebEncoders.Base64UrlDecode(protectedPayload).AsSpan(4, 16));

    /// <summary>A document's whole row as PostgreSQL holds it, every column, read without Marten.</summary>
    private async Task<JsonElement> RowAsync<T>(Guid id) =>
        (await RowsAsync<T>()).Single(row => row.GetProperty("id").GetGuid() == id);

    private async Task<IReadOnlyList<JsonElement>> RowsAsync<T>()
    {
        var table = factory.Store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select row_to_json(t)::text from {table} t", connection);
        var rows = new List<JsonElement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(JsonDocument.Parse(reader.GetString(0)).RootElement);
        }

        return rows;
    }
}
