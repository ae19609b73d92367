using System.Collections.Concurrent;

namespace PatientFlow.Simulator.Running;

/// <summary>The ids the platform handed out, by the names the plan uses: providers by key, patients and visits by number.</summary>
public sealed class SimulationState
{
    public ConcurrentDictionary<string, Guid> Providers { get; } = new();

    /// <summary>Slot ids by provider key and start.</summary>
    public ConcurrentDictionary<(string Provider, DateTimeOffset StartsAt), Guid> Slots { get; } = new();

    public ConcurrentDictionary<int, Guid> Patients { get; } = new();

    /// <summary>The visit id (the appointment id minted at booking or walk-in) by visit number.</summary>
    public ConcurrentDictionary<int, Guid> Visits { get; } = new();

    public ConcurrentDictionary<int, Guid> LabOrders { get; } = new();

    /// <summary>How a log names a visit: its id once it has one, never the patient.</summary>
    public string NameOf(int? visit) => visit switch
    {
        null => "",
        { } number when Visits.TryGetValue(number, out var id) => $"visit {id}",
        { } number => $"planned visit #{number}",
    };
}
