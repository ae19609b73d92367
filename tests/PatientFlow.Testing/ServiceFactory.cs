using System.Net.Http.Headers;
using System.Security.Cryptography;
using Marten;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PatientFlow.Contracts;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.Audit;
using PatientFlow.Platform.EventStore;
using PatientFlow.Platform.Messaging;
using PatientFlow.Testing.Identity;
using Xunit;

namespace PatientFlow.Testing;

/// <summary>
/// One service in process, on the real test servers, isolated from every other factory by its
/// own database and its own RabbitMQ virtual host.
/// </summary>
public abstract class ServiceFactory<TProgram>(string service) : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    private static readonly TimeSpan TopologyLimit = TimeSpan.FromSeconds(120);
    private readonly List<IAsyncDisposable> _probes = [];
    private string _databaseConnectionString = "";
    private string? _ownedVirtualHost;

    public string Service { get; } = service;

    /// <summary>The token signing key; services that call each other in a test share one, as they do on a platform.</summary>
    public string SigningKey { get; init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Connection string of this factory's own database, as its owner (a superuser's: what a test checks and tampers with).</summary>
    public string DatabaseConnectionString => _databaseConnectionString;

    /// <summary>The service's own connection to its database: the runtime role, which may not change or delete events.</summary>
    public string RuntimeConnectionString { get; private set; } = "";

    /// <summary>The owner's connection to this factory's own audit database (a superuser's: what a test checks and tampers with).</summary>
    public string AuditDatabaseConnectionString { get; private set; } = "";

    /// <summary>The service's connection to its audit database: the insert-only writer role.</summary>
    public string AuditWriterConnectionString { get; private set; } = "";

    /// <summary>amqp URI of this factory's virtual host.</summary>
    public string RabbitMqConnectionString { get; private set; } = "";

    /// <summary>This factory's RabbitMQ virtual host, known once initialized.</summary>
    public string VirtualHost { get; private set; } = "";

    /// <summary>
    /// Another factory's <see cref="VirtualHost"/> to join instead of having one's own, so two services exchange
    /// integration events as on a platform. That factory owns it and deletes it.
    /// </summary>
    public string? SharedVirtualHost { get; init; }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync(Service);
        var isolation = $"{Service}_{Guid.NewGuid():N}"[..(Service.Length + 13)];
        _databaseConnectionString = await servers.EnsureDatabaseAsync(isolation);
        RuntimeConnectionString = new NpgsqlConnectionStringBuilder(_databaseConnectionString)
        {
            Username = $"{isolation}_runtime",
            Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        }.ConnectionString;
        AuditDatabaseConnectionString = await servers.EnsureDatabaseAsync($"{isolation}_audit");
        AuditWriterConnectionString = await AuditSchema.ApplyAsync(AuditDatabaseConnectionString, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        VirtualHost = SharedVirtualHost ?? isolation;
        RabbitMqConnectionString = await servers.EnsureVirtualHostAsync(VirtualHost);
        _ownedVirtualHost = SharedVirtualHost is null ? isolation : null;
        await PrepareDatabaseAsync(_databaseConnectionString);

        // Creating the server starts the host; then wait until every queue is bound, so a test
        // that publishes right away cannot lose its message.
        _ = Server;
        try
        {
            await Services.GetRequiredService<TopologyReadiness>().WaitAsync(CancellationToken.None).WaitAsync(TopologyLimit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"{Service}: the platform's queues on virtual host '{VirtualHost}' were not declared within {TopologyLimit.TotalSeconds:0} s (the log above has the deployer's warnings).");
        }
    }

    /// <summary>Runs against the new, empty database before the service starts.</summary>
    protected virtual Task PrepareDatabaseAsync(string connectionString) => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{MartenExtensions.DatabaseConnectionName(Service)}", RuntimeConnectionString);
        builder.UseSetting($"ConnectionStrings:{EventStoreRoles.OwnerConnectionName(Service)}", _databaseConnectionString);
        builder.UseSetting($"ConnectionStrings:{RabbitMqEndpoint.ConnectionName}", RabbitMqConnectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting($"ConnectionStrings:{AuditSettings.ConnectionName}", AuditWriterConnectionString);
        // Test output keeps warnings and errors; a failing test's own assertion says the rest.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>A client signed in as staff of <paramref name="role"/> in every clinic (an integrator: every scope): <see cref="Caller.ForRole"/>.</summary>
    public HttpClient CreateClient(string role) => CreateClient(Caller.ForRole(role));

    /// <summary>A client whose token describes <paramref name="caller"/>.</summary>
    public HttpClient CreateClient(Caller caller)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(caller));
        return client;
    }

    /// <summary>An access token describing <paramref name="caller"/>.</summary>
    public string TokenFor(Caller caller) =>
        Services.GetRequiredService<TokenIssuer>().Issue(caller.Claims(), TimeSpan.FromHours(1));

    public HttpClient CreateAnonymousClient() => CreateClient();

    /// <summary>Publishes an integration event on this factory's virtual host, as another service would.</summary>
    public Task PublishAsync<T>(T message) where T : class, IIntegrationEvent =>
        Services.GetRequiredService<IBus>().Publish(message, context =>
        {
            context.MessageId = message.EventId;
            context.CorrelationId = (message as IVisitEvent)?.VisitId;
        });

    /// <summary>Starts capturing <typeparamref name="T"/> as published on this factory's virtual host. Call before acting.</summary>
    public EventProbe<T> Listen<T>() where T : class, IIntegrationEvent
    {
        var probe = new EventProbe<T>();
        probe.StartAsync(RabbitMqConnectionString).GetAwaiter().GetResult();
        _probes.Add(probe);
        return probe;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops the service, then deletes its virtual host; as a class fixture or with <c>await using</c> alike.</summary>
    public override async ValueTask DisposeAsync()
    {
        foreach (var probe in _probes)
        {
            await probe.DisposeAsync();
        }

        _probes.Clear();
        await base.DisposeAsync();

        // A finished fixture's queues would stay on the shared broker for the rest of the run, hundreds of
        // quorum queues by its end, each ticking; the database is small and idle and stays for a post-mortem.
        if (Interlocked.Exchange(ref _ownedVirtualHost, null) is { } virtualHost)
        {
            try
            {
                var servers = await TestServers.GetAsync(Service);
                await servers.DeleteVirtualHostAsync(virtualHost);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                // Leftover queues cost the broker a little; they never fail a test.
            }
        }

        GC.SuppressFinalize(this);
    }
}
