namespace PatientFlow.Simulator.Planning;

/// <summary>How many patients a clinic can serve at once at each stage.</summary>
/// <param name="MedicalAssistants">Each rooms one patient and takes their vitals and complaint before the next.</param>
/// <param name="Rooms">Exam rooms: held from rooming until the provider is done and the room is cleaned.</param>
/// <param name="CheckOutDesks">Clerks checking patients out.</param>
public sealed record StaffCapacity(int MedicalAssistants, int Providers, int Rooms, int CheckOutDesks)
{
    public const int RoomsPerProvider = 3;

    /// <summary>A clinic staffed for its day: an assistant per provider.</summary>
    public static StaffCapacity Staffed(int providers) => new(providers, providers, providers * RoomsPerProvider, 1);

    /// <summary>The same clinic with one assistant rooming every patient: rooming cannot keep up with arrivals.</summary>
    public static StaffCapacity OneAssistant(int providers) => Staffed(providers) with { MedicalAssistants = 1 };
}
