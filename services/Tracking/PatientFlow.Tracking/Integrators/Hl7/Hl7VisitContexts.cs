using Marten;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// Each visit's <see cref="Hl7VisitContext"/> as of a feed position: kept in memory for the visits sent to most
/// recently, folded again from the visit's journey stream for any other. A context in memory only stays valid if it
/// sees every later step of its visit, so the sender shows it every step it reads, sent or not.
/// </summary>
public sealed class Hl7VisitContexts(IDocumentStore store, int capacity)
{
    private readonly LruCache<Guid, Hl7VisitContext> _known = new(capacity);

    /// <summary>Visits held in memory.</summary>
    public int Count => _known.Count;

    /// <summary>The visit's context from every step before <paramref name="position"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">An earlier step's payload does not satisfy its contract.</exception>
    public async Task<Hl7VisitContext> BeforeAsync(Guid visitId, long position, CancellationToken ct)
    {
        if (_known.TryGet(visitId, out var context))
        {
            return context;
        }

        await using var session = store.QuerySession();
        var earlier = await FeedPayloads.VisitUpToAsync(session, visitId, position - 1, ct);
        return earlier.Aggregate(Hl7VisitContext.Empty, (folded, e) => folded.Apply(e));
    }

    /// <summary>Keeps the visit's context as it stands after a step just sent.</summary>
    public void Remember(Guid visitId, Hl7VisitContext after) => _known.Set(visitId, after);

    /// <summary>Brings a visit held in memory past a step that was not sent; other visits are loaded when needed.</summary>
    public void Follow(FeedEntry entry)
    {
        if (!_known.TryGet(entry.Step.VisitId, out var context))
        {
            return;
        }

        try
        {
            if (FeedPayloads.Read(entry.Step) is { } e)
            {
                _known.Set(entry.Step.VisitId, context.Apply(e));
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // A context missing a step must not be used: forgotten, the next message loads it and meets the error there.
            _known.Remove(entry.Step.VisitId);
        }
    }
}
