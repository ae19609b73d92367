using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.Testing;

namespace PatientFlow.Referral.Tests.Api;

public sealed class ReferralFactory() : ServiceFactory<Program>("referral")
{
    /// <summary>Publishes a booking as scheduling would and waits until referral has handled it.</summary>
    public async Task<AppointmentBooked> BookVisitAsync()
    {
        var startsAt = DateTimeOffset.UtcNow.AddHours(1);
        var booked = new AppointmentBooked(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), DateTimeOffset.UtcNow,
            DateTimeOffset.UtcNow, Guid.CreateVersion7(), Guid.CreateVersion7(), "north", startsAt, startsAt.AddMinutes(20), "new-patient");
        await PublishAsync(booked);
        await Eventually.Until(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<HandledIntegrationEvent>(booked.EventId);
        }, what: $"booking {booked.EventId} to be handled");
        return booked;
    }

    public static async Task<JsonElement> Body(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonDocument>())!.RootElement;
}
