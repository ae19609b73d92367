using Npgsql;

namespace PatientFlow.Testing.Servers;

/// <summary>Creates databases on demand; several services starting at once may ask for theirs together.</summary>
internal static class PostgresDatabases
{
    private const string DuplicateDatabase = "42P04";
    private const string UniqueViolation = "23505";

    public static async Task<string> EnsureAsync(string serverConnectionString, string database, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(database) || database.Length > 63)
        {
            throw new ArgumentException("A database name needs 1 to 63 characters.", nameof(database));
        }

        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(ct);
        // CREATE DATABASE cannot run in a transaction; a session advisory lock serialises creators instead.
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(hashtext('patientflow:create-database'))", ct);
        try
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
            {
                Parameters = { new() { Value = database } },
            };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await ExecuteAsync(connection, $"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", ct);
            }
        }
        catch (PostgresException exception) when (exception.SqlState is DuplicateDatabase or UniqueViolation)
        {
            // Created meanwhile by a caller that does not take our lock.
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(hashtext('patientflow:create-database'))", CancellationToken.None);
        }

        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
