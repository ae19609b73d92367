namespace PatientFlow.ServiceDefaults.Observability;

/// <summary>The correlation id travels as this HTTP header and message header.</summary>
public static class CorrelationHeader
{
    public const string Name = "X-Correlation-Id";
}
