using Microsoft.AspNetCore.Http;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Access;

/// <summary>
/// Break the glass: a clinician may read a record outside their clinics by stating why in
/// <c>PatientFlow-Break-Glass: &lt;reason&gt;</c>. The access is recorded (<see cref="IBreakGlassLog"/>) and the answer says
/// so in the same header (its value the access record's id). Only clinicians, only reads; the header is checked whether or
/// not the record exists, so its answers say nothing about the record.
/// </summary>
public static class BreakGlass
{
    public const string Header = "PatientFlow-Break-Glass";

    public const int MaxReasonLength = 500;

    /// <summary>The stated reason, or null when the header is absent; refuses a reason, role or method that cannot break the glass.</summary>
    public static string? ReasonOf(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }

        if (!context.User.IsInRole(Roles.Clinician))
        {
            throw new AccessRefusedException("only a clinician may break the glass");
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            throw new InvalidFieldException(Header, "opens a record to read; a write is made in one's own clinic");
        }

        var reason = values.Count == 1 ? values[0]?.Trim() : null;
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength || reason.Any(char.IsControl))
        {
            throw new InvalidFieldException(Header, $"must state the reason, once, in 1 to {MaxReasonLength} characters");
        }

        return reason;
    }
}

