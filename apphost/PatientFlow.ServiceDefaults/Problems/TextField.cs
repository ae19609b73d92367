namespace PatientFlow.ServiceDefaults.Problems;

/// <summary>Trimmed free-text fields with a length limit, rejected with 422 naming the field.</summary>
public static class TextField
{
    public static string Required(string field, string? value, int maxLength = 100)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? throw new InvalidFieldException(field, "is required")
            : trimmed.Length > maxLength ? throw new InvalidFieldException(field, $"must be at most {maxLength} characters")
            : trimmed;
    }

    public static string? Optional(string field, string? value, int maxLength = 100) =>
        string.IsNullOrWhiteSpace(value) ? null : Required(field, value, maxLength);

    /// <summary>A code (clinic, room, appointment type): letters, digits and dashes, compared without case.</summary>
    public static string Code(string field, string? value)
    {
        var code = Required(field, value, 32).ToLowerInvariant();
        return code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? code
            : throw new InvalidFieldException(field, "may contain only letters, digits, '-' and '_'");
    }
}
