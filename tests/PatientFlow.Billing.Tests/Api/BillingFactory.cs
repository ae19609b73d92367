using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Contracts;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.EventStore;
using PatientFlow.Testing;

namespace PatientFlow.Billing.Tests.Api;

public sealed class BillingFactory() : ServiceFactory<Program>("billing")
{
    /// <summary>Lets a fault test make one consumer's save lose a race (see <see cref="SaveInterference"/>).</summary>
    public SaveInterference Interference { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureMarten(options => options.Listeners.Add(Interference)));
    }

    /// <summary>Counts how often billing finishes consuming <paramref name="eventId"/>. Call before publishing.</summary>
    public ConsumedCounter CountConsumed(Guid eventId)
    {
        var counter = new ConsumedCounter(eventId);
        counter.Handle = Services.GetRequiredService<IBus>().ConnectConsumeObserver(counter);
        return counter;
    }

    /// <summary>Publishes as the producing service would, then waits until billing has handled that very event.</summary>
    public async Task DeliverAsync<T>(T message) where T : class, IIntegrationEvent
    {
        await PublishAsync(message);
        await Eventually.Until(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<HandledIntegrationEvent>(message.EventId);
        }, what: $"{typeof(T).Name} {message.EventId} to be handled");
    }

    public async Task<JsonElement> WaitForClaimAsync(Guid visitId) => await WaitForAsync($"/api/billing/visits/{visitId}/claim");

    public async Task<JsonElement> WaitForAsync(string path)
    {
        var billing = CreateClient(Roles.Billing);
        var document = await Eventually.Until(async () =>
        {
            var response = await billing.GetAsync(path);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonDocument>() : null;
        }, what: path);
        return document.RootElement;
    }
}

/// <summary>The four facts billing hears about one visit, as scheduling, intake and lab publish them.</summary>
public sealed record VisitFacts(AppointmentBooked Booked, EncounterCompleted Completed, LabResultRecorded Resulted, PatientCheckedOut CheckedOut)
{
    public static readonly DateTimeOffset StartsAt = new(2025, 3, 4, 9, 0, 0, TimeSpan.FromHours(-5));

    public Guid VisitId => Booked.VisitId;

    public Guid PatientId => Booked.PatientId;

    public Guid ProviderId => Booked.ProviderId;

    public static VisitFacts New(params ProcedurePerformed[] procedures)
    {
        var visit = Guid.CreateVersion7();
        var patient = Guid.CreateVersion7();
        var provider = Guid.CreateVersion7();
        var recorded = DateTimeOffset.UtcNow;
        return new VisitFacts(
            new AppointmentBooked(Guid.CreateVersion7(), visit, patient, StartsAt.AddDays(-7), recorded, provider, Guid.CreateVersion7(),
                "north", StartsAt, StartsAt.AddMinutes(20), "follow-up"),
            new EncounterCompleted(Guid.CreateVersion7(), visit, patient, StartsAt.AddMinutes(30), recorded, provider,
                ["J02.9", "R50.9"], procedures.Length > 0 ? procedures : [new ProcedurePerformed("99213", 1), new ProcedurePerformed("87880", 1)]),
            new LabResultRecorded(Guid.CreateVersion7(), visit, patient, StartsAt.AddMinutes(40), recorded, Guid.CreateVersion7(),
                "2345-7", "105", "mg/dL", "H", "82947"),
            new PatientCheckedOut(Guid.CreateVersion7(), visit, patient, StartsAt.AddMinutes(50), recorded));
    }
}
