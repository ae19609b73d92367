using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace PatientFlow.ServiceDefaults.Problems;

/// <summary>
/// Turns what a client caused into the right 4xx with RFC 9457 problem details; anything else is a plain 500 with the
/// correlation id and nothing of the exception (it is in the log). Messages carry ids and field names only, never patient data.
/// </summary>
public sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problems, IEnumerable<IExceptionProblems> libraries, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception, context.Request) ?? Unexpected();
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            // Handled here, so the middleware does not log it: this is the one record of what went wrong.
            logger.LogError(exception, "Request failed with an unexpected {ExceptionType}; answered 500", exception.GetType().Name);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
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

    private ProblemDetails? Describe(Exception exception, HttpRequest request) => exception switch
    {
        InvalidFieldException invalid => Validation(invalid.Field, invalid.Message),
        DependencyUnavailableException unavailable => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", unavailable.Message),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
        ConflictException conflict => Conflict(conflict),
        PreconditionFailedException stale => Stale(stale),
        BadHttpRequestException bad => BadRequest(bad),
        // Reading a JSON body in a charset .NET does not decode (utf-7, ebcdic-cp-us) fails as an InvalidOperationException.
        InvalidOperationException when UndecodableCharset(request) is { } charset => Problem(
            StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Content-Type: the charset '{charset}' is not one the API reads; send JSON in UTF-8."),
        // One commit can break several unique keys at once (the MRN and the identity of a racing registration).
        AggregateException { InnerExceptions: [var first, ..] } => Describe(first, request),
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
            var problem = Validation(field, json is UnstorableTextException ? json.Message : "The value is missing or not of the expected type.");
            problem.Status = StatusCodes.Status400BadRequest;
            problem.Title = "Malformed request body";
            return problem;
        }

        // Kestrel and the request limits use this exception for 413, 431 and the like: the title follows the status.
        return Problem(bad.StatusCode, ReasonPhrases.GetReasonPhrase(bad.StatusCode) is { Length: > 0 } reason ? reason : "Bad request", bad.Message);
    }

    private static string? UndecodableCharset(HttpRequest request)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset.Value is not { Length: > 0 } charset)
        {
            return null;
        }

        try
        {
            _ = Encoding.GetEncoding(charset);
            return null;
        }
        catch (Exception unknown) when (unknown is ArgumentException or NotSupportedException)
        {
            return charset;
        }
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

    /// <summary>What a client is told of a failure it did not cause: that it happened, and (added by the writer) the correlation id to quote.</summary>
    public static ProblemDetails Unexpected() => Problem(
        StatusCodes.Status500InternalServerError, "Internal server error",
        "The request failed on our side. Nothing about the failure is shown here; quote the correlation id when you report it.");

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
