namespace PatientFlow.Platform.EventStore;

/// <summary>
/// Failures of the infrastructure rather than of the request or message: PostgreSQL restarting or
/// unreachable, a connection cut. They pass by themselves, so they are waited out (503 to a client,
/// long retries for a message) instead of being treated as the message's fault.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is Npgsql.PostgresException postgres)
            {
                // 08: connection exception; 57P01-57P03: the server is shutting down or starting up.
                return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03";
            }

            if (current is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
