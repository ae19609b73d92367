using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders.GettingDetails;
using PatientFlow.Platform.Time;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Lab.Orders.Specimens;

/// <summary>Collect a specimen of a type (blood, urine, swab...) for the order's tests that need it.</summary>
public sealed record CollectSpecimen(string? SpecimenType = null, DateTimeOffset? CollectedAt = null);

public sealed record RejectSpecimen(SpecimenRejection? Reason = null);

public sealed record SendOutSpecimen(string? ExternalLab = null, DateTimeOffset? SentAt = null);

public static class SpecimenDeciders
{
    /// <summary>POST /orders/{orderId}/specimens: records a collection and gives the specimen its accession number (in the answer's <c>specimens</c>).</summary>
    public static async Task<Created<LabOrderDetails>> HandleCollect(Guid orderId, CollectSpecimen command, LabOrderCommands commands, IDocumentSession session)
    {
        var specimenId = Guid.CreateVersion7();
        var accession = new SpecimenAccession { OrderId = orderId, SpecimenId = specimenId };
        // The number is drawn now and stored with the event; a refused collection leaves a gap, never a duplicate.
        session.Store(accession);
        var details = await commands.DecideAsync(orderId, (order, who, now) => Collect(order, command, specimenId, accession.Number, who, now));
        return TypedResults.Created($"/api/lab/specimens/{accession.Number}", details.Value!);
    }

    /// <summary>POST /orders/{orderId}/specimens/{specimenId}/rejection</summary>
    public static Task<Ok<LabOrderDetails>> HandleReject(Guid orderId, Guid specimenId, RejectSpecimen command, LabOrderCommands commands) =>
        commands.DecideAsync(orderId, (order, who, now) => Reject(order, specimenId, command, who, now));

    /// <summary>POST /orders/{orderId}/specimens/{specimenId}/send-out</summary>
    public static Task<Ok<LabOrderDetails>> HandleSendOut(Guid orderId, Guid specimenId, SendOutSpecimen command, LabOrderCommands commands) =>
        commands.DecideAsync(orderId, (order, _, now) => SendOut(order, specimenId, command, now));

    /// <summary>
    /// One specimen covers every test of its type still waiting for collection; a type no waiting test needs is refused.
    /// The accession id comes from the lab's sequence and is on the label.
    /// </summary>
    public static IReadOnlyList<object> Collect(
        LabOrder order, CollectSpecimen command, Guid specimenId, string accessionId, string collectedBy, DateTimeOffset now)
    {
        var type = Text.Required("specimenType", command.SpecimenType, 32).ToLowerInvariant();
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

    /// <summary>A rejected specimen sends its tests back to collection and asks for a new one; once a test on it is resulted it stands.</summary>
    public static IReadOnlyList<object> Reject(LabOrder order, Guid specimenId, RejectSpecimen command, string rejectedBy, DateTimeOffset now)
    {
        var specimen = order.SpecimenOrThrow(specimenId);
        var reason = command.Reason ?? throw new InvalidFieldException(
            "reason", $"is required: {string.Join(", ", Enum.GetNames<SpecimenRejection>().Select(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName))}");
        if (specimen.Rejected)
        {
            throw new ConflictException($"specimen {specimen.AccessionId} was already rejected");
        }

        var lines = order.Tests.Where(line => line.SpecimenId == specimenId).ToList();
        if (lines.Any(line => line.Status == LabTestStatus.Resulted))
        {
            throw new ConflictException($"specimen {specimen.AccessionId} already has a result; amend the result instead");
        }

        var codes = lines.Where(line => line.Status != LabTestStatus.Cancelled).Select(line => line.Code).ToList();
        return
        [
            new SpecimenRejected(order.Id, order.VisitId, order.PatientId, specimenId, specimen.AccessionId, reason, codes, rejectedBy, now),
            new RecollectionRequested(order.Id, order.VisitId, order.PatientId, specimenId, specimen.Type, codes, now),
        ];
    }

    /// <summary>Only send-out tests travel; the specimen is expected back within the longest turnaround of its tests.</summary>
    public static IReadOnlyList<object> SendOut(LabOrder order, Guid specimenId, SendOutSpecimen command, DateTimeOffset now)
    {
        var specimen = order.SpecimenOrThrow(specimenId);
        var externalLab = Text.Required("externalLab", command.ExternalLab, 100);
        if (specimen.Rejected)
        {
            throw new ConflictException($"specimen {specimen.AccessionId} was rejected; collect a new one");
        }

        if (specimen.ExpectedBy is not null)
        {
            throw new ConflictException($"specimen {specimen.AccessionId} was already sent out");
        }

        // In-house tests on the same tube may already be resulted; what travels is the send-out tests still waiting.
        var sendOuts = order.Tests
            .Where(line => line.SpecimenId == specimenId && line.Status == LabTestStatus.Collected && line.Test.Performed == Performed.SendOut).ToList();
        if (sendOuts.Count == 0)
        {
            throw new ConflictException($"specimen {specimen.AccessionId} has no send-out test waiting; in-house tests are resulted here");
        }

        var sentAt = ClinicTime.Resolve("sentAt", command.SentAt, now);
        var expectedBy = sentAt + sendOuts.Max(line => line.Test.Turnaround);
        return [new SpecimenSentOut(order.Id, order.VisitId, order.PatientId, specimenId, specimen.AccessionId, externalLab,
            [.. sendOuts.Select(line => line.Code)], sentAt, expectedBy)];
    }
}
