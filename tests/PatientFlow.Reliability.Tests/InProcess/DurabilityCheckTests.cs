extern alias scheduling;
using Microsoft.AspNetCore.Hosting;

namespace PatientFlow.Reliability.Tests.InProcess;

/// <summary>A service refuses a PostgreSQL that can lose acknowledged commits, unless told it is a benchmark.</summary>
public sealed class DurabilityCheckTests
{
    [Fact]
    public async Task Start_SynchronousCommitOff_RefusesNamingTheSetting()
    {
        await using var service = new UnsafeScheduling(allowUnsafe: false);
        var start = async () => await ((IAsyncLifetime)service).InitializeAsync();

        (await start.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("synchronous_commit=off");
    }

    [Fact]
    public async Task Start_SynchronousCommitOffButAllowed_Starts()
    {
        await using var service = new UnsafeScheduling(allowUnsafe: true);
        await ((IAsyncLifetime)service).InitializeAsync();

        using var client = service.CreateAnonymousClient();
        (await client.GetAsync("/health/live")).IsSuccessStatusCode.Should().BeTrue();
    }

    private sealed class UnsafeScheduling(bool allowUnsafe) : ServiceFactory<scheduling::Program>("scheduling")
    {
        protected override Task PrepareDatabaseAsync(string connectionString)
        {
            var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database;
            return OperatorViews.ExecuteAsync(connectionString, $"alter database \"{database}\" set synchronous_commit = off");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Durability:AllowUnsafe", allowUnsafe ? "true" : "false");
        }
    }
}
