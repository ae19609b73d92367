namespace PatientFlow.Tracking.Board;

public enum RoomStatus
{
    Occupied,
    Free,
}

public enum ProviderState
{
    WithPatient,
    Available,
}

/// <param name="Since">When the current patient was roomed; null for a free room.</param>
public sealed record RoomPanelRow(string Room, string? Clinic, RoomStatus Status, Guid? VisitId, DateTimeOffset? Since);

/// <param name="Waiting">Patients done with intake and waiting for this provider.</param>
/// <param name="Since">When the provider started with the current patient.</param>
public sealed record ProviderPanelRow(Guid ProviderId, string? Clinic, ProviderState Status, Guid? VisitId, int Waiting, DateTimeOffset? Since);

/// <summary>
/// Rooms and providers as the cards show them: a room holds a patient from rooming until the provider is done; a
/// provider is with the patient whose encounter started last and not yet done.
/// </summary>
public sealed record BoardPanels(IReadOnlyList<RoomPanelRow> Rooms, IReadOnlyList<ProviderPanelRow> Providers)
{
    private static readonly BoardStage[] InRoom = [BoardStage.Roomed, BoardStage.IntakeDone, BoardStage.WithProvider];

    public static BoardPanels Of(IEnumerable<BoardCard> cards)
    {
        var list = cards.ToList();
        var rooms = list
            .Where(card => card.Room is not null)
            .GroupBy(card => (card.Clinic, Room: card.Room!))
            .Select(room => RoomRow(room.Key.Room, room))
            .OrderBy(room => room.Clinic, StringComparer.Ordinal)
            .ThenBy(room => room.Room, StringComparer.Ordinal);
        var providers = list
            .Where(card => card.ProviderId is not null)
            .GroupBy(card => card.ProviderId!.Value)
            .Select(provider => ProviderRow(provider.Key, provider))
            .OrderBy(provider => provider.Clinic, StringComparer.Ordinal)
            .ThenBy(provider => provider.ProviderId);
        return new BoardPanels([.. rooms], [.. providers]);
    }

    /// <param name="cards">The cards naming the room in one clinic (rooms of different clinics may share a code).</param>
    public static RoomPanelRow RoomRow(string room, IEnumerable<BoardCard> cards)
    {
        var list = cards.ToList();
        return list.Where(card => InRoom.Contains(card.Stage)).OrderByDescending(card => card.RoomedAt).FirstOrDefault() is { } occupant
            ? new RoomPanelRow(room, occupant.Clinic, RoomStatus.Occupied, occupant.VisitId, occupant.RoomedAt)
            : new RoomPanelRow(room, list.FirstOrDefault()?.Clinic, RoomStatus.Free, null, null);
    }

    /// <param name="cards">The cards naming the provider.</param>
    public static ProviderPanelRow ProviderRow(Guid providerId, IEnumerable<BoardCard> cards)
    {
        var list = cards.ToList();
        var waiting = list.Count(card => card.Stage == BoardStage.IntakeDone);
        return list.Where(card => card.Stage == BoardStage.WithProvider).OrderByDescending(card => card.StageEnteredAt).FirstOrDefault() is { } current
            ? new ProviderPanelRow(providerId, current.Clinic, ProviderState.WithPatient, current.VisitId, waiting, current.StageEnteredAt)
            : new ProviderPanelRow(providerId, list.FirstOrDefault()?.Clinic, ProviderState.Available, null, waiting, null);
    }
}
