using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.Testing;

namespace PatientFlow.Lab.Tests.Api;

public sealed class LabFactory() : ServiceFactory<Program>("lab")
{
    public static AppointmentBooked Booking()
    {
        var startsAt = DateTimeOffset.UtcNow.AddHours(1);
        return new AppointmentBooked(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), DateTimeOffset.UtcNow,
            DateTimeOffset.UtcNow, Guid.CreateVersion7(), Guid.CreateVersion7(), "north", startsAt, startsAt.AddMinutes(20), "follow-up");
    }

    /// <summary>Publishes a booking as scheduling would and waits until lab has handled it.</summary>
    public async Task<AppointmentBooked> BookVisitAsync()
    {
        var booked = Booking();
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
