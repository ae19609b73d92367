using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PatientFlow.Platform.EventStore;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>The service works as a runtime role that appends and reads events but cannot change or delete one.</summary>
public class EventStoreRoleTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task RuntimeRole_AppendsThroughTheServiceButUpdateDeleteOrTruncateOfEventsIsRefused()
    {
        var patientId = await factory.RegisterPatientAsync();
        await using var runtime = new NpgsqlConnection(factory.RuntimeConnectionString);
        await runtime.OpenAsync();
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM mt_events WHERE stream_id = $1", runtime))
        {
            count.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(patientId) });
            ((long)(await count.ExecuteScalarAsync())!).Should().BeGreaterThan(0, "the service appended the registration as this role");
        }

        foreach (var sql in new[]
                 {
                     "UPDATE mt_events SET data = '{}'::jsonb", "DELETE FROM mt_events", "TRUNCATE mt_events",
                     "DROP TABLE mt_events", "ALTER TABLE mt_events DISABLE TRIGGER ALL",
                 })
        {
            await using var command = new NpgsqlCommand(sql, runtime);
            var refused = await FluentActions.Awaiting(() => command.ExecuteNonQueryAsync()).Should().ThrowAsync<PostgresException>(sql);
            refused.Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege, sql);
        }

        (await EventStoreRoles.ForbiddenPrivilegesHeldAsync(factory.RuntimeConnectionString, "public", CancellationToken.None)).Should().BeEmpty();
        (await EventStoreRoles.ForbiddenPrivilegesHeldAsync(factory.DatabaseConnectionString, "public", CancellationToken.None))
            .Should().Equal(EventStoreRoles.ForbiddenOnEvents, "the owner holds them all");
    }

    [Fact]
    public async Task StartOutsideDevelopment_OnAConnectionThatMayChangeEvents_RefusesNamingTheSetting()
    {
        var check = new EventStoreRoleCheck(factory.DatabaseConnectionString, "scheduling-db", development: false, NullLogger<EventStoreRoleCheck>.Instance);

        var refused = await FluentActions.Awaiting(() => check.StartAsync(CancellationToken.None)).Should().ThrowAsync<InvalidOperationException>();

        refused.Which.Message.Should().Contain("ConnectionStrings:scheduling-db").And.Contain("UPDATE, DELETE, TRUNCATE");
        await new EventStoreRoleCheck(factory.RuntimeConnectionString, "scheduling-db", development: false, NullLogger<EventStoreRoleCheck>.Instance)
            .StartAsync(CancellationToken.None);
    }
}
