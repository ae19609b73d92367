namespace PatientFlow.Lab.Orders.Specimens;

public sealed record RejectSpecimen(SpecimenRejection? Reason = null);

public static class RejectSpecimenDecider
{
    /// <summary>POST /orders/{orderId}/specimens/{specimenId}/rejection</summary>
    public static Task<Ok<LabOrderDetails>> Handle(Guid orderId, Guid specimenId, RejectSpecimen command, LabOrderCommands commands) =>
        commands.DecideAsync(orderId, (order, who, now) => Decide(order, specimenId, command, who, now));

    /// <summary>A rejected specimen sends its tests back to collection and asks for a new one; once a test on it is resulted it stands.</summary>
    public static IReadOnlyList<object> Decide(LabOrder order, Guid specimenId, RejectSpecimen command, string rejectedBy, DateTimeOffset now)
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
}
