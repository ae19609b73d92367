using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Lab.Orders.Deadlines;
using PatientFlow.Lab.Orders.Ordering;
using PatientFlow.Lab.Patients;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Testing;

namespace PatientFlow.Lab.Tests.Api;

public sealed class LabFactory() : ServiceFactory<Program>("lab")
{
    /// <summary>Scheduling's patient directory as lab sees it; its gRPC path is tested against the real scheduling service in Referral.Tests.</summary>
    public StandInPatientDirectory Patients { get; } = new();

    public LabSweeper Sweeper => Services.GetRequiredService<LabSweeper>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Lab:CriticalAcknowledgeWithin", "00:30:00");
        // Tests sweep when they choose, at the instant they choose.
        builder.UseSetting("Lab:SweepInterval", "01:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<IPatientDirectory>(Patients));
    }

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

/// <summary>Answers with the demographics a test registered, or 503 for a patient marked unreachable; counts the questions.</summary>
public sealed class StandInPatientDirectory : IPatientDirectory
{
    private readonly ConcurrentDictionary<Guid, PatientDemographics?> _patients = new();

    public int Asked => _asked;

    private int _asked;

    public void Register(Guid patientId, PatientDemographics? demographics) => _patients[patientId] = demographics;

    public Task<PatientDemographics> GetAsync(Guid patientId, DateOnly on, string? bearer, CancellationToken ct)
    {
        Interlocked.Increment(ref _asked);
        return _patients.TryGetValue(patientId, out var known) && known is not null
            ? Task.FromResult(known)
            : throw new DependencyUnavailableException("scheduling did not answer; nothing was changed. Retry shortly.");
    }
}
