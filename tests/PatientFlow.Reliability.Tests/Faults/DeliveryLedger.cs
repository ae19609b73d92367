using Npgsql;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>
/// What became of the acknowledged commands, read from the far end: tracking's journey log, which every
/// integration event reaches through the relay, RabbitMQ and tracking's idempotent consumer. An
/// acknowledged command whose event never shows up there is lost; a step that shows up twice is a
/// duplicated effect.
/// </summary>
public sealed record DeliveryLedger(int Attempted, int Acknowledged, int Delivered, int Lost, int Duplicated, IReadOnlyList<string>? Missing = null)
{
    /// <summary>For a failure message: what was lost, then the platform log.</summary>
    public string Explain(string log) => $"lost: {string.Join("; ", Missing ?? [])}{Environment.NewLine}{log}";

    public override string ToString() =>
        $"attempted {Attempted} / acknowledged {Acknowledged} / delivered {Delivered} / lost {Lost} / duplicated {Duplicated}";

    /// <summary>Polls tracking's journeys until every acknowledged command is delivered or the time is up.</summary>
    public static async Task<DeliveryLedger> WaitForDeliveryAsync(
        IReadOnlyCollection<SentCommand> sent, string trackingDatabase, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            DeliveryLedger ledger;
            try
            {
                ledger = await ReadAsync(sent, trackingDatabase);
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                continue;
            }

            if (ledger.Lost == 0 || DateTime.UtcNow > deadline)
            {
                return ledger;
            }

            await Task.Delay(500);
        }
    }

    public static async Task<DeliveryLedger> ReadAsync(IReadOnlyCollection<SentCommand> sent, string trackingDatabase)
    {
        var steps = new Dictionary<(Guid VisitId, string EventType), int>();
        await using (var connection = new NpgsqlConnection(trackingDatabase))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select stream_id, data->>'eventType', count(*) from mt_events where type = 'journey_step_recorded' group by 1, 2", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                steps[(reader.GetGuid(0), reader.GetString(1))] = (int)reader.GetInt64(2);
            }
        }

        var acknowledged = sent.Where(command => command.Acknowledged).ToList();
        var delivered = acknowledged.Count(command => steps.ContainsKey((command.VisitId, command.EventType)));
        var ours = acknowledged.Select(command => (command.VisitId, command.EventType)).ToHashSet();
        var duplicated = steps.Where(step => ours.Contains(step.Key)).Sum(step => step.Value - 1);
        var missing = acknowledged.Where(command => !steps.ContainsKey((command.VisitId, command.EventType)))
            .Select(command => $"{command.EventType} of visit {command.VisitId}").ToList();
        return new DeliveryLedger(sent.Count, acknowledged.Count, delivered, acknowledged.Count - delivered, duplicated, missing);
    }

    /// <summary>Writes the ledger to the test output and to PATIENTFLOW_FIGURES for ./test.sh to print.</summary>
    public void Report(ITestOutputHelper output, string scenario)
    {
        var line = $"{scenario}: {this}";
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("PATIENTFLOW_FIGURES") is { Length: > 0 } file)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }
}

internal static class Figure
{
    /// <summary>How the commands were answered, e.g. "201 x500, 200 x498, 409 x2".</summary>
    public static string Answers(IReadOnlyCollection<SentCommand> sent) => string.Join(", ", sent
        .GroupBy(command => command.Status).OrderBy(group => group.Key).Select(group => $"{(group.Key == 0 ? "no answer" : group.Key)} x{group.Count()}"));

    public static void Report(ITestOutputHelper output, string what, string value)
    {
        output.WriteLine($"{what}: {value}");
        if (Environment.GetEnvironmentVariable("PATIENTFLOW_FIGURES") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{what}: {value}{Environment.NewLine}");
        }
    }
}
