namespace PatientFlow.Lab.Orders.Specimens;

public sealed record SendOutSpecimen(string? ExternalLab = null, DateTimeOffset? SentAt = null);

public static class SendOutSpecimenDecider
{
    /// <summary>POST /orders/{orderId}/specimens/{specimenId}/send-out</summary>
    public static Task<Ok<LabOrderDetails>> Handle(Guid orderId, Guid specimenId, SendOutSpecimen command, LabOrderCommands commands) =>
        commands.DecideAsync(orderId, (order, _, now) => Decide(order, specimenId, command, now));

    /// <summary>Only send-out tests travel; the specimen is expected back within the longest turnaround of its tests.</summary>
    public static IReadOnlyList<object> Decide(LabOrder order, Guid specimenId, SendOutSpecimen command, DateTimeOffset now)
    {
        var specimen = order.SpecimenOrThrow(specimenId);
        var externalLab = TextField.Required("externalLab", command.ExternalLab, 100);
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
