using Marten;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Platform.Access;

/// <summary>
/// Where break-glass accesses go for review. The default keeps each as a <see cref="BreakGlassAccess"/> document in the
/// service's own store, committed before the record is shown; an audit trail can replace or decorate it.
/// </summary>
public interface IBreakGlassLog
{
    Task RecordAsync(BreakGlassAccess access, CancellationToken ct);
}

public sealed class MartenBreakGlassLog(IDocumentStore store, ILogger<MartenBreakGlassLog> logger) : IBreakGlassLog
{
    public async Task RecordAsync(BreakGlassAccess access, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Insert(access);
        await session.SaveChangesAsync(ct);
        logger.LogWarning(
            "Break the glass {AccessId}: {Subject} opened {Resource} of patient {PatientId} in clinic {Clinics}",
            access.AccessId, access.Subject, access.Resource, access.PatientId, access.Clinics);
    }
}
