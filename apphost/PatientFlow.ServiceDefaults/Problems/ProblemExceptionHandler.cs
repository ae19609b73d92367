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
public sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problems, IEnumerable<IExceptionProblems> libraries, ILogger<ProblemExceptionHandler> logger)
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
                exception is DependencyUnavailableException ? "a service it needs did not answer" : "a store it needs is unreachable", exception.GetType().Name);
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

    private ProblemDetails? Describe(Exception exception) => exception switch
    {
        InvalidFieldException invalid => Validation(invalid.Field, invalid.Message),
        DependencyUnavailableException unavailable => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", unavailable.Message),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
        ConflictException conflict => Conflict(conflict),
        PreconditionFailedException stale => Stale(stale),
        BadHttpRequestException bad => BadRequest(bad),
        // One commit can break several unique keys at once (the MRN and the identity of a racing registration).
        AggregateException { InnerExceptions: [var first, ..] } => Describe(first),
        _ => libraries.Select(library => library.Describe(exception)).FirstOrDefault(described => described is not null) is var (status, title, detail)
            ? Problem(status, title, detail)
            : null,
    };

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
