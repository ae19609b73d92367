using System.Text.RegularExpressions;
using Npgsql;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// The two database roles of a service's event store. The <b>owner</b> (<c>ConnectionStrings:&lt;service&gt;-db-owner</c>)
/// applies the schema: Marten's tables, functions and sequences. The <b>runtime</b> role
/// (<c>ConnectionStrings:&lt;service&gt;-db</c>), which the service works as, reads and writes everything but the events:
/// on <c>mt_events</c> it may only SELECT and INSERT, so no request, consumer or bug in the service can rewrite or delete
/// what happened. It owns nothing, so it cannot grant itself more.
/// </summary>
public static partial class EventStoreRoles
{
    private const string EventsTable = "mt_events";

    /// <summary>The privileges on <c>mt_events</c> the runtime role must not hold.</summary>
    public static readonly IReadOnlyList<string> ForbiddenOnEvents = ["UPDATE", "DELETE", "TRUNCATE"];

    /// <summary>The owner's connection string name, e.g. <c>scheduling-db-owner</c>.</summary>
    public static string OwnerConnectionName(string service) => $"{MartenExtensions.DatabaseConnectionName(service)}-owner";

    /// <summary>
    /// Creates the runtime role of <paramref name="runtimeConnectionString"/> (its user name and password) if missing, and
    /// grants it the schema's tables, sequences and functions, all but changing or deleting events. Run as the owner, after
    /// the schema is applied; two replicas starting at once apply it one after the other.
    /// </summary>
    public static async Task GrantRuntimeAsync(string ownerConnectionString, string runtimeConnectionString, string schema, CancellationToken ct)
    {
        var runtime = new NpgsqlConnectionStringBuilder(runtimeConnectionString);
        var role = runtime.Username ?? throw new InvalidOperationException("The event store's runtime connection names no user.");
        var database = new NpgsqlConnectionStringBuilder(ownerConnectionString).Database
            ?? throw new InvalidOperationException("The event store's owner connection names no database.");
        foreach (var (what, name) in new[] { ("runtime role", role), ("schema", schema) })
        {
            if (!PlainName().IsMatch(name))
            {
                throw new InvalidOperationException($"The event store's {what} '{name}' must be lower-case letters, digits and underscores.");
            }
        }

        var password = (runtime.Password ?? "").Replace("'", "''", StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand($$"""
            SELECT pg_advisory_xact_lock(hashtext('patientflow:event-store-roles'));
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{role}}') THEN
                    CREATE ROLE {{role}} LOGIN;
                END IF;
            END $$;
            ALTER ROLE {{role}} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS PASSWORD '{{password}}';
            GRANT CONNECT, TEMPORARY ON DATABASE "{{database}}" TO {{role}};
            GRANT USAGE ON SCHEMA {{schema}} TO {{role}};
            GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {{schema}} TO {{role}};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {{schema}} TO {{role}};
            GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {{schema}} TO {{role}};
            -- The events, and every partition of them (a partition is a table of its own to the privilege system).
            DO $$ DECLARE events regclass; BEGIN
                FOR events IN
                    SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = '{{schema}}' AND c.relname = '{{EventsTable}}'
                    UNION
                    SELECT i.inhrelid::regclass FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                    JOIN pg_namespace n ON n.oid = p.relnamespace WHERE n.nspname = '{{schema}}' AND p.relname = '{{EventsTable}}'
                LOOP
                    EXECUTE format('REVOKE ALL ON %s FROM {{role}}', events);
                    EXECUTE format('GRANT SELECT, INSERT ON %s TO {{role}}', events);
                END LOOP;
            END $$;
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The privileges on <c>mt_events</c> that the user of <paramref name="connectionString"/> holds and must not (none when
    /// the events are safe from it). An owner or a superuser holds them all.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ForbiddenPrivilegesHeldAsync(string connectionString, string schema, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var held = new List<string>();
        foreach (var privilege in ForbiddenOnEvents)
        {
            await using var command = new NpgsqlCommand(
                "SELECT to_regclass($1) IS NOT NULL AND has_table_privilege(to_regclass($1), $2)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = $"{schema}.{EventsTable}" });
            command.Parameters.Add(new NpgsqlParameter { Value = privilege });
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                held.Add(privilege);
            }
        }

        return held;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainName();
}
