using System.Globalization;
using System.Net;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Simulator.Planning;

namespace PatientFlow.Simulator.Running;

/// <summary>What operations do before the day, as the README's walk-through does: types, clinics, rooms, providers, templates, slots.</summary>
public sealed class SetUpCalls(GatewayClient gateway, ClinicDayPlan plan, SimulationState state)
{
    public Task<ApiAnswer> DefineTypeAsync(VisitType type, CancellationToken ct) =>
        gateway.PutAsync(Roles.Ops, $"/api/scheduling/appointment-types/{type.Code}", new { code = type.Code, name = type.Name, durationMinutes = type.DurationMinutes }, ct);

    public Task<ApiAnswer> RegisterClinicAsync(ClinicPlan clinic, CancellationToken ct) => AlreadyThereIsFine(
        gateway.PostAsync(Roles.Ops, "/api/scheduling/clinics", new { code = clinic.Code, name = clinic.Name, timeZone = clinic.TimeZone }, ct));

    public Task<ApiAnswer> RegisterRoomAsync(ClinicPlan clinic, string room, CancellationToken ct) => AlreadyThereIsFine(
        gateway.PostAsync(Roles.Ops, "/api/scheduling/resources", new { kind = "room", code = room, name = $"Exam room {room[5..]}", clinic = clinic.Code, category = "exam-room" }, ct));

    public async Task<ApiAnswer> CreateProviderAsync(ProviderPlan provider, CancellationToken ct)
    {
        var answer = await gateway.PostAsync(Roles.FrontDesk, "/api/scheduling/providers", new { name = provider.Name, specialty = provider.Specialty, clinic = provider.Clinic }, ct);
        if (answer.Succeeded)
        {
            state.Providers[provider.Key] = Guid.Parse(answer.Field("providerId"));
        }

        return answer;
    }

    /// <summary>The provider's sessions on the simulated day's weekday, in their first room.</summary>
    public Task<ApiAnswer> SetTemplateAsync(ProviderPlan provider, CancellationToken ct) =>
        gateway.PutAsync(Roles.Ops, $"/api/scheduling/providers/{state.Providers[provider.Key]}/template", new
        {
            sessions = provider.Sessions.Select(session => new
            {
                day = plan.Date.DayOfWeek.ToString().ToLowerInvariant(),
                start = session.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
                end = session.End.ToString("HH:mm", CultureInfo.InvariantCulture),
                slotMinutes = provider.SlotMinutes,
                room = provider.Room,
                overbook = 0,
            }),
        }, ct);

    public async Task<ApiAnswer> GenerateSlotsAsync(ProviderPlan provider, CancellationToken ct)
    {
        var day = plan.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var answer = await gateway.PostAsync(Roles.Ops, $"/api/scheduling/providers/{state.Providers[provider.Key]}/template/generation", new { from = day, to = day }, ct);
        if (answer.Succeeded)
        {
            foreach (var slot in answer.Body.GetProperty("slots").EnumerateArray())
            {
                state.Slots[(provider.Key, slot.GetProperty("startsAt").GetDateTimeOffset())] = slot.GetProperty("slotId").GetGuid();
            }
        }

        return answer;
    }

    /// <summary>A clinic or room registered by an earlier run is there already: not an error.</summary>
    private static async Task<ApiAnswer> AlreadyThereIsFine(Task<ApiAnswer> sending)
    {
        var answer = await sending;
        return answer.Status == HttpStatusCode.Conflict ? answer with { Status = HttpStatusCode.OK } : answer;
    }
}
