using Microsoft.AspNetCore.Http;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// The event store's exceptions as a client should read them: a lost race (a version checked at save, a stream or unique
/// key taken by a concurrent commit) is a 409 to reload and retry; a value PostgreSQL cannot hold (a NUL) is a 400;
/// PostgreSQL unreachable or restarting is a 503 with Retry-After. A command cut off mid-commit may still have taken
/// effect; a retry is decided against whatever state the database holds, so it cannot take effect twice.
/// </summary>
public sealed class StoreProblems : IExceptionProblems
{
    private const string Reload = "A concurrent change won; reload and try again.";

    private const string Unstorable = "A value in the request holds a character that cannot be stored (NUL, U+0000); nothing was recorded.";

    public (int Status, string Title, string Detail)? Describe(Exception exception) => exception switch
    {
        JasperFx.ConcurrencyException or
            Marten.Exceptions.ExistingStreamIdCollisionException or
            JasperFx.Events.ExistingStreamIdCollisionException or
            JasperFx.DocumentAlreadyExistsException => (StatusCodes.Status409Conflict, "Conflict", Reload),
        _ when UniqueKeyTaken(exception) => (StatusCodes.Status409Conflict, "Conflict", Reload),
        // The request's JSON refuses a NUL (ApiJson); one in a query string or a header is found by PostgreSQL, before anything commits.
        _ when Failed(exception, "22021", "22P05") => (StatusCodes.Status400BadRequest, "Bad request", Unstorable),
        _ when TransientFaults.IsTransient(exception) =>
            (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The service's database cannot be reached right now. Retry shortly."),
        _ => null,
    };

    private static bool UniqueKeyTaken(Exception? exception) => Failed(exception, "23505");

    /// <summary>Whether PostgreSQL refused the statement with one of these SQL states, however the exception is wrapped.</summary>
    private static bool Failed(Exception? exception, params string[] states)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is Npgsql.PostgresException postgres && states.Contains(postgres.SqlState))
            {
                return true;
            }
        }

        return false;
    }
}
