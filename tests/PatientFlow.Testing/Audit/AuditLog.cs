using Npgsql;
using PatientFlow.Platform.Audit;

namespace PatientFlow.Testing.Audit;

/// <summary>A factory's audit database read (and, to prove tampering is seen, written) as its owner, a superuser.</summary>
public sealed class AuditLog(string ownerConnectionString)
{
    public string OwnerConnectionString => ownerConnectionString;

    public Task<long> LastIdAsync() => ScalarAsync<long>($"SELECT coalesce(max(id), 0) FROM {AuditSchema.Table}");

    /// <summary>The one value <paramref name="sql"/> selects, read as the owner.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(ownerConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The records written after the one with id <paramref name="afterId"/>, in the order written.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AfterAsync(long afterId)
    {
        await using var dataSource = NpgsqlDataSource.Create(ownerConnectionString);
        await using var command = dataSource.CreateCommand($"SELECT {AuditRecords.Columns} FROM {AuditSchema.Table} WHERE id > $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = afterId });
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync())
        {
            records.Add(AuditRecords.Read(reader));
        }

        return records;
    }

    public async Task<AuditVerification> VerifyAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ownerConnectionString);
        return await AuditChainVerifier.VerifyAsync(dataSource);
    }

    /// <summary>Runs <paramref name="sql"/> as the superuser: what someone with the server's keys could do.</summary>
    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(ownerConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }
}
