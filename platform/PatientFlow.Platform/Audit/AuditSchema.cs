using System.Text.RegularExpressions;
using Npgsql;

namespace PatientFlow.Platform.Audit;

/// <summary>
/// The audit database's one table and its writer role, applied with the database owner's connection (the audit service
/// at its start, a test fixture for its own database). The writer may INSERT, and SELECT to read its chain's head;
/// nothing else: no UPDATE, DELETE or TRUNCATE, no DDL. Services connect as the writer.
/// </summary>
public static partial class AuditSchema
{
    public const string Table = "audit_records";

    /// <summary>The writer role of an audit database: <c>&lt;database&gt;_writer</c> (roles are server-wide, databases are not).</summary>
    public static string WriterRoleOf(string database) => $"{database}_writer";

    /// <summary>Creates the table, its indexes and the writer role if missing, sets the writer's password, and returns the writer's connection string.</summary>
    public static async Task<string> ApplyAsync(string ownerConnectionString, string writerPassword, CancellationToken ct = default)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var database = owner.Database ?? throw new InvalidOperationException("The audit database's owner connection names no database.");
        var writer = WriterRoleOf(database);
        if (!PlainName().IsMatch(writer))
        {
            throw new InvalidOperationException($"The audit database name '{database}' must be lower-case letters, digits and underscores.");
        }

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Two starts at once (replicas of the audit service) apply this one after the other.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext('patientflow:audit-schema'))", ct);
        await ExecuteAsync(connection, $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                chain text NOT NULL,
                position bigint NOT NULL,
                occurred_at timestamptz NOT NULL,
                service text NOT NULL,
                subject text NOT NULL,
                roles text[] NOT NULL,
                clinics text[] NOT NULL,
                action text NOT NULL,
                resource_type text NOT NULL,
                resource_id text,
                patient_ids uuid[] NOT NULL,
                outcome text NOT NULL,
                status_code integer NOT NULL,
                route text NOT NULL,
                source_address text,
                trace_id text,
                previous_hash bytea NOT NULL,
                hash bytea NOT NULL,
                CONSTRAINT audit_records_chain_position UNIQUE (chain, position)
            );
            -- Who opened this patient's record: the patients of a record are an array; GIN finds a patient's records among millions.
            CREATE INDEX IF NOT EXISTS audit_records_patient_ids ON {Table} USING gin (patient_ids);
            CREATE INDEX IF NOT EXISTS audit_records_subject ON {Table} (subject, occurred_at);
            CREATE INDEX IF NOT EXISTS audit_records_occurred_at ON {Table} (occurred_at);
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{writer}') THEN
                    CREATE ROLE {writer} LOGIN;
                END IF;
            END $$;
            ALTER ROLE {writer} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '{writerPassword.Replace("'", "''")}';
            REVOKE ALL ON {Table} FROM PUBLIC;
            REVOKE ALL ON {Table} FROM {writer};
            GRANT CONNECT ON DATABASE "{database}" TO {writer};
            GRANT USAGE ON SCHEMA public TO {writer};
            GRANT SELECT, INSERT ON {Table} TO {writer};
            GRANT USAGE ON SEQUENCE {Table}_id_seq TO {writer};
            """, ct);
        await transaction.CommitAsync(ct);
        return new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = writer, Password = writerPassword }.ConnectionString;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainName();
}
