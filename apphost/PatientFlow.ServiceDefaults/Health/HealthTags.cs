namespace PatientFlow.ServiceDefaults.Health;

public static class HealthTags
{
    /// <summary>Checks that decide whether the instance should receive traffic.</summary>
    public const string Ready = "ready";
}
