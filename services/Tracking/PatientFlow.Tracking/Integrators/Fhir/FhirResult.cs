using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Tracking.Access;
using Task = System.Threading.Tasks.Task;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// A FHIR answer: a resource as <c>application/fhir+json</c>, or an OperationOutcome in its place when a FHIR client
/// asked for something missing or malformed (where the rest of the platform answers RFC 9457 problem details).
/// </summary>
public sealed class FhirResult(Resource resource, int statusCode) : IResult, IStatusCodeHttpResult
{
    public const string ContentType = "application/fhir+json; fhirVersion=4.0";

    public Resource Resource => resource;

    public int? StatusCode => statusCode;

    public static FhirResult Ok(Resource resource) => new(resource, StatusCodes.Status200OK);

    /// <summary>400 with issue <c>invalid</c>; the diagnostics start with the parameter's name.</summary>
    public static FhirResult Invalid(string parameter, string message) =>
        Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, $"{parameter}: {message}");

    public static FhirResult NotFound(string message) => Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, message);

    public static FhirResult Unsupported(string resourceType) => Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported,
        $"type: {resourceType} is not a resource type served here; metadata lists them");

    /// <summary>403 with issue <c>forbidden</c>: the token lacks the type's read scope.</summary>
    public static FhirResult NotGranted(string resourceType) => Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
        $"scope: reading {resourceType} needs the {TokenScopes.FhirRead(resourceType)} scope");

    /// <summary>The platform's field and not-found exceptions, answered as OperationOutcomes on the FHIR routes.</summary>
    public static async ValueTask<object?> FromDomainErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InvalidFieldException invalid)
        {
            return Invalid(invalid.Field, invalid.Message);
        }
        catch (NotFoundException missing)
        {
            return NotFound(missing.Message);
        }
        catch (NotGrantedException refused)
        {
            return Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, $"{refused.Field}: {refused.Message}");
        }
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = ContentType;
        return httpContext.Response.WriteAsync(FhirJsonSerializer.Default.SerializeToString(resource), httpContext.RequestAborted);
    }

    private static FhirResult Outcome(int status, OperationOutcome.IssueType code, string diagnostics) => new(
        new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = diagnostics }],
        },
        status);
}
