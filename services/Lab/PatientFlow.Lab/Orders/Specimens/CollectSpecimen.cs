namespace PatientFlow.Lab.Orders.Specimens;

/// <summary>Collect a specimen of a type (blood, urine, swab...) for the order's tests that need it.</summary>
public sealed record CollectSpecimen(string? SpecimenType = null, DateTimeOffset? CollectedAt = null);

public static class CollectSpecimenDecider
{
    /// <summary>POST /orders/{orderId}/specimens: records a collection and gives the specimen its accession number (in the answer's <c>specimens</c>).</summary>
    public static async Task<Created<LabOrderDetails>> Handle(Guid orderId, CollectSpecimen command, LabOrderCommands commands, IDocumentSession session)
    {
        var specimenId = Guid.CreateVersion7();
        var accession = new SpecimenAccession { OrderId = orderId, SpecimenId = specimenId };
        // The number is drawn now and stored with the event; a refused collection leaves a gap, never a duplicate.
        session.Store(accession);
        var details = await commands.DecideAsync(orderId, (order, who, now) => Decide(order, command, specimenId, accession.Number, who, now));
        return TypedResults.Created($"/api/lab/specimens/{accession.Number}", details.Value!);
    }

    /// <summary>
    /// One specimen covers every test of its type still waiting for collection; a type no waiting test needs is refused.
    /// The accession id comes from the lab's sequence and is on the label.
    /// </summary>
    public static IReadOnlyList<object> Decide(
        LabOrder order, CollectSpecimen command, Guid specimenId, string accessionId, string collectedBy, DateTimeOffset now)
    {
        var type = TextField.Required("specimenType", command.SpecimenType, 32).ToLowerInvariant();
        var waiting = order.Tests.Where(line => line.Status == LabTestStatus.AwaitingCollection).ToList();
        if (waiting.Count == 0)
        {
            throw new ConflictException($"lab order {order.Id} has no test waiting for a specimen");
        }

        var covered = waiting.Where(line => line.Test.Specimen == type).Select(line => line.Code).ToList();
        if (covered.Count == 0)
        {
            throw new InvalidFieldException(
                "specimenType", $"no test waiting on this order needs {type}; they need {string.Join(", ", waiting.Select(l => l.Test.Specimen).Distinct())}");
        }

        var collectedAt = ClinicTime.Resolve("collectedAt", command.CollectedAt, now);
        if (collectedAt < order.OrderedAt)
        {
            throw new InvalidFieldException("collectedAt", "must not be before the order was placed");
        }

        return [new SpecimenCollected(order.Id, order.VisitId, order.PatientId, specimenId, accessionId, type, covered, collectedBy, collectedAt)];
    }
}
