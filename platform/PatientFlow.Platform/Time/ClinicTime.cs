using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Time;

/// <summary>
/// When something happened in the clinic, as entered by staff. Back-dating is allowed (an arrival
/// or a result entered late keeps its real time, and RecordedAt says when it was entered); the
/// future is not, beyond a little clock skew between devices.
/// </summary>
public static class ClinicTime
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The entered time, or <paramref name="now"/> when none was entered; 422 naming the field when in the future.</summary>
    public static DateTimeOffset Resolve(string field, DateTimeOffset? entered, DateTimeOffset now) =>
        entered is not { } at ? now
        : at > now + ClockSkew ? throw new InvalidFieldException(field, "must not be in the future")
        : at;
}
