namespace PatientFlow.Scheduling.Waitlist.Listing;

/// <summary>Reads of the waitlist, from the <see cref="WaitlistEntryDetails"/> read model.</summary>
public static class WaitlistQueries
{
    /// <summary>GET /waitlist: entries of the caller's clinics still waiting or holding an offer, longest waiting first.</summary>
    public static async Task<Ok<IReadOnlyList<WaitlistEntryDetails>>> List(IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        var open = await session.Query<WaitlistEntryDetails>()
            .Where(e => e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered)
            .OrderBy(e => e.WaitlistedAt).ToListAsync(ct);
        if (scope.HasAllClinics)
        {
            return TypedResults.Ok(open);
        }

        var visible = new List<WaitlistEntryDetails>();
        foreach (var entry in open)
        {
            if (await RecordClinics.WaitlistEntryAsync(session, entry.EntryId, ct) is { } where && scope.AdmitsAny(where.Clinics))
            {
                visible.Add(entry);
            }
        }

        return TypedResults.Ok<IReadOnlyList<WaitlistEntryDetails>>(visible);
    }

    /// <summary>GET /waitlist/{id}</summary>
    public static async Task<Ok<WaitlistEntryDetails>> Get(Guid entryId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadAsync<WaitlistEntryDetails>(entryId, ct) ?? throw WaitlistEntryDetails.NotFound(entryId));
}
