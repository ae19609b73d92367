namespace PatientFlow.Platform.Audit;

/// <summary>This service's chain name and whether auditing is off (Development only, to measure what it costs).</summary>
public sealed record AuditSettings(string Service, bool Off)
{
    /// <summary>The audit database's writer connection (<c>ConnectionStrings:audit-db</c>).</summary>
    public const string ConnectionName = "audit-db";

    /// <summary>Switches recording off; refused outside Development.</summary>
    public const string OffSetting = "Audit:Off";
}
