using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace PatientFlow.ServiceDefaults.Problems;

/// <summary>
/// Turns what a client caused into the right 4xx with RFC 9457 problem details; anything else
/// stays a 500. Messages carry ids and field names only, never patient data.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Request answered 503: {Cause} ({ExceptionType})",
                exception is DependencyUnavailableException ? "a service it needs did not answer" : "the database is unreachable", exception.GetType().Name);
            context.Response.Headers.RetryAfter = "2";
        }
        else
        {
            logger.LogInformation("Request rejected with {Status}: {Title}", problem.Status, problem.Title);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails? Describe(Exception exception) => exception switch
    {
        InvalidFieldException invalid => Validation(invalid.Field, invalid.Message),
        DependencyUnavailableException unavailable => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", unavailable.Message),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
        ConflictException conflict => Conflict(conflict),
        PreconditionFailedException stale => Stale(stale),
        JasperFx.ConcurrencyException or
            Marten.Exceptions.ExistingStreamIdCollisionException or
            JasperFx.Events.ExistingStreamIdCollisionException or
            JasperFx.DocumentAlreadyExistsException =>
            Problem(StatusCodes.Status409Conflict, "Conflict", "A concurrent change won; reload and try again."),
        BadHttpRequestException bad => BadRequest(bad),
        // One commit can break several unique keys at once (the MRN and the identity of a racing registration).
        AggregateException { InnerExceptions: [var first, ..] } => Describe(first),
        _ when UniqueKeyTaken(exception) =>
            Problem(StatusCodes.Status409Conflict, "Conflict", "A concurrent change won; reload and try again."),
        _ when DatabaseUnreachable(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            "The service's database cannot be reached right now. Retry shortly."),
        _ => null,
    };

    /// <summary>
    /// The connection to PostgreSQL failed or was cut (a restart, a failover): the client should retry,
    /// so 503 with Retry-After rather than a 500. A command cut off mid-commit may still have taken effect;
    /// a retry is decided against whatever state the database holds, so it cannot take effect twice.
    /// </summary>
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

    private static bool DatabaseUnreachable(Exception exception) => TransientFaults.IsTransient(exception);

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = MissingRequired().Match(json.Message) is { Success: true } missing
                ? missing.Groups[1].Value
                : FieldFromPath(json.Path);
            var problem = Validation(field, "The value is missing or not of the expected type.");
            problem.Status = StatusCodes.Status400BadRequest;
            problem.Title = "Malformed request body";
            return problem;
        }

        return Problem(bad.StatusCode, "Bad request", bad.Message);
    }

    /// <summary>"$.vitals.heartRate" becomes "vitals.heartRate"; the root becomes "body".</summary>
    private static string FieldFromPath(string? path)
    {
        var trimmed = (path ?? "$").TrimStart('$').TrimStart('.');
        return trimmed.Length == 0 ? "body" : trimmed;
    }

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingRequired();

    private static ProblemDetails Validation(string field, string message) => new HttpValidationProblemDetails(
        new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "Validation failed",
        Detail = $"{field}: {message}",
    };

    private static ProblemDetails Conflict(ConflictException conflict)
    {
        var problem = Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message);
        if (conflict.Kind is { } kind)
        {
            problem.Extensions["conflict"] = kind;
            problem.Extensions["conflictingId"] = conflict.ConflictingId;
        }

        return problem;
    }

    private static ProblemDetails Stale(PreconditionFailedException stale)
    {
        var problem = Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", stale.Message);
        problem.Extensions["field"] = Microsoft.Net.Http.Headers.HeaderNames.IfMatch;
        problem.Extensions["currentVersion"] = stale.Actual;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
