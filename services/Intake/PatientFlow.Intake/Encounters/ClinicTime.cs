using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Intake.Encounters;

/// <summary>When something happened in the clinic: as entered (back-dating is allowed), never in the future.</summary>
public static class ClinicTime
{
    // Devices and servers disagree by a little; more than this is a typing mistake.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static DateTimeOffset Resolve(string field, DateTimeOffset? entered, DateTimeOffset now)
    {
        if (entered is not { } at)
        {
            return now;
        }

        return at > now + ClockSkew ? throw new InvalidFieldException(field, "must not be in the future") : at;
    }
}
