using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling;

/// <summary>When something happened at the front desk: as entered (back-dating is allowed), never in the future.</summary>
public static class ClinicTime
{
    // Devices and servers disagree by a little; more than this is a typing mistake.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static DateTimeOffset Resolve(string field, DateTimeOffset? entered, DateTimeOffset now) =>
        entered is not { } at ? now
        : at > now + ClockSkew ? throw new InvalidFieldException(field, "must not be in the future")
        : at;
}
