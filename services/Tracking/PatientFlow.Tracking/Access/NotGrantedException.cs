using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Tracking.Access;

/// <summary>
/// The request asks for more than the caller's token grants (a scope it lacks, a webhook none of whose clinics it grants):
/// a 403 naming the field, never a silent narrowing, so an integrator learns at once that its grant and its configuration
/// disagree. Clinics a request names are refused by the platform's <see cref="PatientFlow.Platform.Access.ClinicScope"/>, in the same words.
/// </summary>
public sealed class NotGrantedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Answers <see cref="NotGrantedException"/> as 403 problem details whose detail starts with the field.</summary>
public sealed class GrantProblems : IExceptionProblems
{
    public (int Status, string Title, string Detail)? Describe(Exception exception) => exception is NotGrantedException refused
        ? (StatusCodes.Status403Forbidden, "Forbidden", $"{refused.Field}: {refused.Message}")
        : null;
}
