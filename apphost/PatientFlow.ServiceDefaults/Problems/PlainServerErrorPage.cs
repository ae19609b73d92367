using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace PatientFlow.ServiceDefaults.Problems;

/// <summary>
/// ASP.NET Core puts its developer exception page in front of every app that runs in Development (all of ours under the app
/// host); it shows the stack trace, internal addresses and the request's headers, the caller's bearer token among them. This
/// filter answers in its place and never lets the page render: the plain problem the exception handler writes (500 with the
/// correlation id), for whatever escaped the handler.
/// </summary>
public sealed class PlainServerErrorPage(IProblemDetailsService problems) : IDeveloperPageExceptionFilter
{
    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        // The middleware has logged the exception, cleared the response and chosen the status (400 for a request Kestrel
        // refused, 500 otherwise); the page itself is what next would render.
        var http = errorContext.HttpContext;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = http.Response.StatusCode >= StatusCodes.Status500InternalServerError
                ? ProblemExceptionHandler.Unexpected()
                : new() { Status = http.Response.StatusCode },
        });
    }
}
