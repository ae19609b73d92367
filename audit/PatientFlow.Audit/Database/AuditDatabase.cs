using Npgsql;
using PatientFlow.Platform.Audit;

namespace PatientFlow.Audit.Database;

/// <summary>
/// The audit database, read by the reports and the verifier. This service owns it: at start it applies the table and the
/// writer role (<see cref="AuditSchema"/>) with the owner's connection, and gives the writer the password every service
/// connects with. Services write; only this service reads across them.
/// </summary>
public sealed class AuditDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    /// <summary>The owner's connection (<c>ConnectionStrings:audit-db-owner</c>).</summary>
    public const string OwnerConnectionName = "audit-db-owner";

    /// <summary>The password of the writer role the services connect as.</summary>
    public const string WriterPasswordSetting = "Audit:WriterPassword";

    /// <summary>The chain this service records its own reports' reads on.</summary>
    public const string Chain = "audit";

    public NpgsqlDataSource DataSource => dataSource;

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
