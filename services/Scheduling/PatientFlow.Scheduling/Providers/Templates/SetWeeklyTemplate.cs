using PatientFlow.Scheduling.Resources;

namespace PatientFlow.Scheduling.Providers.Templates;

/// <param name="Sessions">The provider's week; replaces any earlier template. Slots already generated stay.</param>
public sealed record SetWeeklyTemplate(IReadOnlyList<SessionEntry?>? Sessions);

/// <param name="Start">Clinic wall-clock time, <c>HH:mm</c>.</param>
/// <param name="Room">Code of the room the provider sees patients in (a room of the provider's clinic).</param>
/// <param name="Overbook">Extra appointments each slot may take beyond one (0 to 3).</param>
public sealed record SessionEntry(DayOfWeek Day, TimeOnly Start, TimeOnly End, int SlotMinutes, string? Room = null, int Overbook = 0);

public static class SetWeeklyTemplateDecider
{
    /// <summary>PUT /providers/{id}/template: the week's sessions, each in a room of the provider's clinic.</summary>
    public static Task<Ok<ProviderDetails>> Handle(Guid providerId, SetWeeklyTemplate command, ProviderCommands commands, IQuerySession session, CancellationToken ct) =>
        commands.DecideAsync(providerId, async (provider, now) =>
        {
            var rooms = (await session.Query<ResourceDetails>().Where(r => r.Clinic == provider.Clinic && r.Kind == ResourceKind.Room).ToListAsync(ct))
                .ToDictionary(r => r.Code);
            return [Decide(provider, command, rooms, now)];
        });

    public const int MaxOverbook = 3;

    /// <param name="rooms">The rooms of the provider's clinic by code.</param>
    public static WeeklyTemplateSet Decide(Provider provider, SetWeeklyTemplate command, IReadOnlyDictionary<string, ResourceDetails> rooms, DateTimeOffset now)
    {
        var entries = command.Sessions ?? [];
        if (entries.Count == 0)
        {
            throw new InvalidFieldException("sessions", "must list at least one session");
        }

        var sessions = new List<TemplateSession>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new InvalidFieldException($"sessions[{i}]", "is required");
            if (entry.SlotMinutes is < 5 or > 240)
            {
                throw new InvalidFieldException($"sessions[{i}].slotMinutes", "must be between 5 and 240");
            }

            if (entry.End <= entry.Start || (entry.End - entry.Start).TotalMinutes < entry.SlotMinutes)
            {
                throw new InvalidFieldException($"sessions[{i}].end", "must leave room for at least one slot after the start");
            }

            if (entry.Overbook is < 0 or > MaxOverbook)
            {
                throw new InvalidFieldException($"sessions[{i}].overbook", $"must be between 0 and {MaxOverbook}");
            }

            Guid? roomId = null;
            if (!string.IsNullOrWhiteSpace(entry.Room))
            {
                roomId = rooms.TryGetValue(entry.Room.Trim().ToUpperInvariant(), out var room) && room.Kind == ResourceKind.Room
                    ? room.ResourceId
                    : throw new InvalidFieldException($"sessions[{i}].room", $"is not a room of clinic {provider.Clinic}");
            }

            var session = new TemplateSession(entry.Day, entry.Start, entry.End, entry.SlotMinutes, roomId, entry.Overbook);
            if (sessions.FirstOrDefault(s => s.Day == session.Day && s.Start < session.End && session.Start < s.End) is not null)
            {
                throw new InvalidFieldException($"sessions[{i}]", $"overlaps another {entry.Day} session");
            }

            sessions.Add(session);
        }

        return new WeeklyTemplateSet(provider.Id, sessions, now);
    }
}
