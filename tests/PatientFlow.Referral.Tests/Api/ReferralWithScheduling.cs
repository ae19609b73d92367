extern alias scheduling;

using Microsoft.Extensions.DependencyInjection;
using PatientDetails = scheduling::PatientFlow.Scheduling.Patients.PatientDetails;
using ProviderDetails = scheduling::PatientFlow.Scheduling.Providers.ProviderDetails;
using SchedulingProgram = scheduling::Program;
using SlotsResponse = scheduling::PatientFlow.Scheduling.Providers.SlotsResponse;

namespace PatientFlow.Referral.Tests.Api;

/// <summary>The real scheduling service, in process, on its own database and virtual host.</summary>
public sealed class SchedulingHost() : ServiceFactory<SchedulingProgram>("scheduling")
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Scheduling:SweepInterval", "01:00:00");
    }

    public scheduling::PatientFlow.Scheduling.Appointments.Sweeping.AppointmentSweeper Sweeper =>
        Services.GetRequiredService<scheduling::PatientFlow.Scheduling.Appointments.Sweeping.AppointmentSweeper>();
}

/// <summary>Referral calling the real scheduling service over gRPC: both trust one signing key, as on the platform.</summary>
public sealed class ReferralWithScheduling : IAsyncLifetime
{
    public SchedulingHost Scheduling { get; } = new();

    public ReferralFactory Referral { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Scheduling.InitializeAsync();
        Referral = new ReferralFactory { SigningKey = Scheduling.SigningKey, SchedulingHandler = () => Scheduling.Server.CreateHandler() };
        await Referral.InitializeAsync();
        await FrontDeskSetup.EnsureClinicAsync(Scheduling.CreateClient(Roles.Ops), "north");
    }

    /// <summary>A cardiologist in the north clinic with <paramref name="count"/> free slots from tomorrow; its id and the slot ids.</summary>
    public async Task<(Guid ProviderId, Guid[] SlotIds, DateTimeOffset FirstStart)> CardiologistAsync(int count = 2, string specialty = "cardiology")
    {
        var desk = Scheduling.CreateClient(Roles.FrontDesk);
        var provider = await Created<ProviderDetails>(await desk.PostAsJsonAsync("/api/scheduling/providers", new { name = "Dr. Heart", specialty, clinic = "north" }));
        var providerId = provider.ProviderId;
        var firstStart = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(1).Date.AddHours(15), TimeSpan.Zero).AddMinutes(Random.Shared.Next(0, 60) * 5);
        var slots = await Created<SlotsResponse>(await desk.PostAsJsonAsync($"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = firstStart.ToString("O"), durationMinutes = 20, count }));
        return (providerId, [.. slots.Slots.Select(s => s.SlotId)], firstStart);
    }

    public async Task<Guid> RegisterPatientAsync()
    {
        var patient = await Created<PatientDetails>(await Scheduling.CreateClient(Roles.FrontDesk).PostAsJsonAsync("/api/scheduling/patients", new
        {
            mrn = $"MRN-{Guid.NewGuid():N}"[..20],
            firstName = "Ada",
            lastName = $"Referred-{Guid.NewGuid():N}"[..20],
            dateOfBirth = "1970-02-03",
            sex = "female",
            clinic = "north",
            insuranceMemberId = "W123",
            insurancePayer = "Acme Health",
        }));
        return patient.PatientId;
    }

    private static async Task<T> Created<T>(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<T>();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Referral).DisposeAsync();
        await ((IAsyncLifetime)Scheduling).DisposeAsync();
    }
}
