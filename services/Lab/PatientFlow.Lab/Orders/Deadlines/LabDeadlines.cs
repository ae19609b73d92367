namespace PatientFlow.Lab.Orders.Deadlines;

/// <summary>What time passing does to an order: critical values not acknowledged in time escalate, late send-outs are overdue. Each once.</summary>
public static class LabDeadlines
{
    public static IReadOnlyList<object> Decide(LabOrder order, DateTimeOffset now)
    {
        var events = new List<object>();
        foreach (var line in order.Tests)
        {
            if (line.Critical is { Escalated: false } critical && !line.Acknowledged && critical.AcknowledgeBy < now)
            {
                events.Add(new CriticalResultEscalated(order.Id, order.VisitId, order.PatientId, line.Code, critical.AcknowledgeBy, now));
            }
        }

        foreach (var specimen in order.Specimens)
        {
            if (specimen is { ExpectedBy: { } expectedBy, Overdue: false, Rejected: false } && expectedBy < now)
            {
                var waiting = order.Tests.Where(line => line.SpecimenId == specimen.Id && line.Status == LabTestStatus.SentOut).Select(line => line.Code).ToList();
                if (waiting.Count > 0)
                {
                    events.Add(new SendOutOverdue(order.Id, order.VisitId, order.PatientId, specimen.Id, specimen.AccessionId, specimen.ExternalLab ?? "", waiting, expectedBy, now));
                }
            }
        }

        return events;
    }
}
