using Microsoft.AspNetCore.Http;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Access;

/// <summary>
/// The caller's role or clinics do not allow what the request itself names (a clinic in the body, breaking the glass
/// without being a clinician): 403. Never thrown for a record the caller cannot see; that is its 404.
/// </summary>
public sealed class AccessRefusedException(string message) : Exception(message);

/// <summary>How a refused request reads to a client.</summary>
internal sealed class AccessRefusedProblems : IExceptionProblems
{
    public (int Status, string Title, string Detail)? Describe(Exception exception) =>
        exception is AccessRefusedException refused ? (StatusCodes.Status403Forbidden, "Forbidden", refused.Message) : null;
}
