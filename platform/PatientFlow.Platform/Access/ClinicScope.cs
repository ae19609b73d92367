using System.Linq.Expressions;
using System.Reflection;
using System.Security.Claims;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Platform.Access;

/// <summary>
/// The clinics the signed-in caller may act in: those on the token, or every clinic (<c>*</c>), and none at all when the
/// token names another organisation than this deployment's (<see cref="AccessOptions.Organization"/>). Reads and
/// writes of a record are checked against it (<see cref="ClinicScopeMiddleware"/>); lists and searches are filtered by it;
/// clinics a request names are refused when outside it (<see cref="Narrow"/>, <see cref="Check"/>), never trimmed.
/// </summary>
public sealed class ClinicScope
{
    private static readonly MethodInfo ListContains = typeof(List<string>).GetMethod(nameof(List<string>.Contains), [typeof(string)])!;

    /// <summary>Every clinic of the organisation: for work no caller asked for (a background monitor over all clinics).</summary>
    public static readonly ClinicScope Every = new(null);

    private ClinicScope(IReadOnlyList<string>? clinics) => Clinics = clinics;

    /// <summary>The caller's clinics; <c>null</c> when they may act in every clinic of the organisation.</summary>
    public IReadOnlyList<string>? Clinics { get; }

    public bool HasAllClinics => Clinics is null;

    public static ClinicScope Of(ClaimsPrincipal user, string organization)
    {
        if (!string.Equals(user.Organization(), organization, StringComparison.Ordinal))
        {
            return new ClinicScope([]);
        }

        return user.HasAllClinics() ? new ClinicScope(null) : new ClinicScope(user.Clinics());
    }

    public bool Admits(string? clinic) => clinic is { Length: > 0 } && (Clinics is null || Clinics.Contains(clinic, StringComparer.Ordinal));

    /// <summary>
    /// True when the caller may act on the record: in one of its clinics; for a record open to the organisation, in any of
    /// its clinics; for one whose clinic is not known yet, only with every clinic.
    /// </summary>
    public bool Admits(RecordClinic record) =>
        record.AnyClinic ? Clinics is null || Clinics.Count > 0
        : record.Clinics.Count == 0 ? HasAllClinics
        : AdmitsAny(record.Clinics);

    /// <summary>
    /// True when the caller may see a record of <paramref name="clinic"/>; one whose clinic is not known yet (<c>null</c>: an
    /// event that named none overtook the one that does) only with every clinic, as <see cref="Admits(RecordClinic)"/>.
    /// </summary>
    public bool AdmitsRecordIn(string? clinic) => HasAllClinics || Admits(clinic);

    /// <summary>True when the caller may act in any of <paramref name="clinics"/>.</summary>
    public bool AdmitsAny(IEnumerable<string> clinics) => clinics.Any(Admits);

    /// <summary>A command naming a clinic in its body (a new provider, a patient's registration): 403 unless it is one of the caller's.</summary>
    public void EnsureAdmits(string clinic)
    {
        if (!Admits(clinic))
        {
            throw new AccessRefusedException($"clinic: this caller may not act in clinic '{clinic}'");
        }
    }

    /// <summary>A command naming a record in its body (a booking's provider, an order's visit): the record is the caller's clinic's or it is not found.</summary>
    public void EnsureAdmits(IEnumerable<string> clinics, Func<Exception> notFound)
    {
        if (!AdmitsAny(clinics))
        {
            throw notFound();
        }
    }

    /// <summary>
    /// The clinics to read, given those a request asked for (<paramref name="requested"/>, empty for "all I may see"): the
    /// request itself when every clinic asked is the caller's, else the caller's clinics; an empty answer means every clinic.
    /// </summary>
    /// <exception cref="AccessRefusedException">A clinic asked for is not the caller's, or the caller has none; the detail starts with <paramref name="field"/>.</exception>
    public IReadOnlySet<string> Narrow(IReadOnlySet<string> requested, string field)
    {
        if (Clinics is null)
        {
            return requested;
        }

        if (Clinics.Count == 0)
        {
            throw new AccessRefusedException($"{field}: the token grants no clinic of this organisation");
        }

        var outside = requested.Where(clinic => !Admits(clinic)).Order(StringComparer.Ordinal).ToList();
        if (outside.Count > 0)
        {
            throw new AccessRefusedException($"{field}: the token does not grant {string.Join(", ", outside)}");
        }

        return requested.Count > 0 ? requested : Clinics.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>One optional clinic a request asked for (a board's, a report's): itself, or refused when it is not the caller's.</summary>
    /// <exception cref="AccessRefusedException">The clinic is not the caller's; the detail starts with <paramref name="field"/>.</exception>
    public string? Check(string? requested, string field) =>
        requested is null || AdmitsRecordIn(requested) ? requested : throw new AccessRefusedException($"{field}: the token does not grant {requested}");

    /// <summary>True when every clinic of <paramref name="clinics"/> (empty: every clinic) is the caller's.</summary>
    public bool Covers(IReadOnlyCollection<string> clinics) => HasAllClinics || (clinics.Count > 0 && clinics.All(Admits));

    /// <summary>A query filtered to the caller's clinics, for the store to apply (<c>clinic = ANY(…)</c>); unchanged for every clinic.</summary>
    public IQueryable<T> Filter<T>(IQueryable<T> query, Expression<Func<T, string>> clinicOf)
    {
        if (Clinics is null)
        {
            return query;
        }

        var contains = Expression.Call(Expression.Constant(Clinics.ToList()), ListContains, clinicOf.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, clinicOf.Parameters));
    }
}

public static class ClinicScopeQueries
{
    /// <summary>Only the rows of the caller's clinics (<see cref="ClinicScope.Filter{T}"/>).</summary>
    public static IQueryable<T> Within<T>(this IQueryable<T> query, ClinicScope scope, Expression<Func<T, string>> clinicOf) => scope.Filter(query, clinicOf);
}
