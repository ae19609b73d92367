using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PatientFlow.Platform.Access;

/// <summary>
/// Endpoint metadata: the route parameter that names a record, how to find that record's clinic, and the 404 its service
/// answers for an unknown one. <see cref="ClinicScopeMiddleware"/> reads it before the handler runs (and before the body is
/// read), so another clinic's record answers exactly as a record that does not exist.
/// </summary>
public sealed record ClinicOfRecord(string Parameter, ClinicOfRecord.Finder Find, Func<string, Exception> NotFound)
{
    /// <summary>The record's clinic, or null when there is no such record.</summary>
    public delegate Task<RecordClinic?> Finder(IQuerySession session, string id, CancellationToken ct);
}

/// <summary>Endpoint metadata: the route acts for the whole organisation (a payer's claim batch spans clinics), so only a caller with every clinic may use it.</summary>
public sealed record WholeOrganization;

public static class ClinicOfRecordExtensions
{
    /// <summary>Every route of <paramref name="builder"/> acts across clinics: 403 for a caller without every clinic (<c>*</c>).</summary>
    public static TBuilder RequireAllClinics<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new WholeOrganization());

    /// <summary>
    /// Every route of <paramref name="builder"/> acts on the record that <c>{<paramref name="parameter"/>}</c> names: the
    /// caller must be in its clinic, or the record is not found (404, as <paramref name="notFound"/> says it).
    /// </summary>
    public static TBuilder RequireClinicOf<TBuilder>(this TBuilder builder, string parameter, ClinicOfRecord.Finder find, Func<string, Exception> notFound)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ClinicOfRecord(parameter, find, notFound));

    /// <summary>As above, for a record named by a GUID whose service answers 404 through its aggregate.</summary>
    public static TBuilder RequireClinicOf<TBuilder>(
        this TBuilder builder, string parameter, Func<IQuerySession, Guid, CancellationToken, Task<RecordClinic?>> find, Func<Guid, Exception> notFound)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireClinicOf(
            parameter,
            (session, id, ct) => Guid.TryParse(id, out var guid) ? find(session, guid, ct) : Task.FromResult<RecordClinic?>(null),
            id => notFound(Guid.TryParse(id, out var guid) ? guid : Guid.Empty));

    /// <summary>The route names the clinic itself (<c>/rooms/{clinic}/…</c>): the caller must be in it.</summary>
    public static TBuilder RequireClinicInRoute<TBuilder>(this TBuilder builder, string parameter, Func<string, Exception> notFound)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireClinicOf(parameter, (_, clinic, _) => Task.FromResult<RecordClinic?>(RecordClinic.In(clinic.Trim().ToLowerInvariant())), notFound);
}
