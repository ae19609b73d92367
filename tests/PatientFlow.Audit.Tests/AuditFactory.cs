using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PatientFlow.Audit.Database;
using PatientFlow.Platform.Audit;
using PatientFlow.Testing.Audit;
using PatientFlow.Testing.Identity;

namespace PatientFlow.Audit.Tests;

/// <summary>The audit service in process on an audit database of its own; records are written as a service would, through the writer role.</summary>
public sealed class AuditFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _writerPassword = RandomNumberGenerator.GetHexString(32, lowercase: true);
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string OwnerConnectionString { get; private set; } = "";

    public string WriterConnectionString => new NpgsqlConnectionStringBuilder(OwnerConnectionString)
    {
        Username = AuditSchema.WriterRoleOf(new NpgsqlConnectionStringBuilder(OwnerConnectionString).Database!),
        Password = _writerPassword,
    }.ConnectionString;

    public AuditLog Log => new(OwnerConnectionString);

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync("audit");
        OwnerConnectionString = await servers.EnsureDatabaseAsync($"audit_{Guid.NewGuid():N}"[..18]);
        _ = Server;
    }

    /// <summary>A trail on <paramref name="chain"/> as that service writes it.</summary>
    public AuditTrail Trail(string chain) => new(NpgsqlDataSource.Create(WriterConnectionString), chain);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{AuditDatabase.OwnerConnectionName}", OwnerConnectionString);
        builder.UseSetting(AuditDatabase.WriterPasswordSetting, _writerPassword);
        builder.UseSetting("Auth:SigningKey", _signingKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public HttpClient CreateClient(Caller caller)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Services.GetRequiredService<TokenIssuer>().Issue(caller.Claims(), TimeSpan.FromHours(1)));
        return client;
    }

    public HttpClient PrivacyOfficer() => CreateClient(Caller.Staff(Roles.PrivacyOfficer));

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
