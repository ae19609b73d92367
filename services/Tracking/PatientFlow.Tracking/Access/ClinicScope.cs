using System.Security.Claims;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Tracking.Access;

/// <summary>
/// The clinics a caller's token lets it see in tracking: every clinic of the organisation (<c>clinic: *</c>) or exactly
/// those on the token. Tracking's reads (board, journeys, analytics, feed, webhooks, FHIR, HL7) are cut to it; a request
/// never widens it.
/// </summary>
/// <param name="Clinics">The clinic codes; null for every clinic.</param>
public sealed record ClinicScope(IReadOnlySet<string>? Clinics)
{
    public static readonly ClinicScope Every = new((IReadOnlySet<string>?)null);

    public static ClinicScope Of(ClaimsPrincipal user) =>
        user.HasAllClinics() ? Every : new ClinicScope(user.Clinics().ToHashSet(StringComparer.Ordinal));

    public bool IsEvery => Clinics is null;

    /// <summary>Whether a visit of <paramref name="clinic"/> may be seen; a visit whose clinic is not known yet only with every clinic.</summary>
    public bool Admits(string? clinic) => Clinics is null || (clinic is not null && Clinics.Contains(clinic));

    /// <summary>
    /// The clinics to read, given what the request asked (<paramref name="requested"/>, empty for "all I may see"): the request
    /// itself when every clinic asked is granted, else the token's clinics; an empty answer means every clinic.
    /// </summary>
    /// <exception cref="NotGrantedException">A clinic asked for is not on the token, or the token grants none.</exception>
    public IReadOnlySet<string> Narrow(IReadOnlySet<string> requested, string field)
    {
        if (Clinics is null)
        {
            return requested;
        }

        if (Clinics.Count == 0)
        {
            throw new NotGrantedException(field, "the token grants no clinic");
        }

        var outside = requested.Where(clinic => !Clinics.Contains(clinic)).Order(StringComparer.Ordinal).ToList();
        if (outside.Count > 0)
        {
            throw new NotGrantedException(field, $"the token does not grant {string.Join(", ", outside)}");
        }

        return requested.Count > 0 ? requested : Clinics;
    }

    /// <summary>One optional clinic asked for (board, analytics): refused when outside the token's clinics.</summary>
    /// <exception cref="NotGrantedException">The clinic is not on the token.</exception>
    public string? Check(string? requested, string field) =>
        requested is null || Admits(requested) ? requested : throw new NotGrantedException(field, $"the token does not grant {requested}");

    /// <summary>Whether every clinic of <paramref name="clinics"/> (empty: every clinic) is within this scope.</summary>
    public bool Covers(IReadOnlyCollection<string> clinics) => Clinics is null || (clinics.Count > 0 && clinics.All(Clinics.Contains));
}
