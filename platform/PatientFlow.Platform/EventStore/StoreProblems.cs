using Microsoft.AspNetCore.Http;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// The event store's exceptions as a client should read them: a lost race (a version checked at save, a stream or unique
/// key taken by a concurrent commit) is a 409 to reload and retry; PostgreSQL unreachable or restarting is a 503 with
/// Retry-After. A command cut off mid-commit may still have taken effect; a retry is decided against whatever state the
/// database holds, so it cannot take effect twice.
/// </summary>
public sealed class StoreProblems : IExceptionProblems
{
    private const string Reload = "A concurrent change won; reload and try again.";

    public (int Status, string Title, string Detail)? Describe(Exception exception) => exception switch
    {
        JasperFx.ConcurrencyException or
            Marten.Exceptions.ExistingStreamIdCollisionException or
            JasperFx.Events.ExistingStreamIdCollisionException or
            JasperFx.DocumentAlreadyExistsException => (StatusCodes.Status409Conflict, "Conflict", Reload),
        _ when UniqueKeyTaken(exception) => (StatusCodes.Status409Conflict, "Conflict", Reload),
        _ when TransientFaults.IsTransient(exception) =>
            (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The service's database cannot be reached right now. Retry shortly."),
        _ => null,
    };

    private static bool UniqueKeyTaken(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is Npgsql.PostgresException { SqlState: "23505" })
            {
                return true;
            }
        }

        return false;
    }
}
