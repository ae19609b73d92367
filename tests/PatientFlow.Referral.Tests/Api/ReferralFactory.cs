using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Contracts.Grpc.Scheduling.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Platform.EventStore;
using PatientFlow.Referral.Referrals.Deadlines;

namespace PatientFlow.Referral.Tests.Api;

/// <summary>
/// Referral in process. Without <see cref="SchedulingHandler"/>, scheduling's gRPC address is a port nothing listens on:
/// scheduling is unavailable. With it, calls go to a real scheduling service in the same test process.
/// </summary>
public class ReferralFactory() : ServiceFactory<Program>("referral")
{
    public const string UnreachableScheduling = "http://127.0.0.1:9";

    public Func<HttpMessageHandler>? SchedulingHandler { get; init; }

    public ReferralSweeper Sweeper => Services.GetRequiredService<ReferralSweeper>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Referral:SweepInterval", "01:00:00");
        builder.UseSetting("Referral:SchedulingCallDeadline", "00:00:05");
        builder.UseSetting("Services:scheduling:GrpcUrl", SchedulingHandler is null ? UnreachableScheduling : "http://scheduling");
        if (SchedulingHandler is { } handler)
        {
            builder.ConfigureTestServices(services => services
                .AddGrpcClient<ReferralScheduling.ReferralSchedulingClient>()
                .ConfigurePrimaryHttpMessageHandler(() => new Http2ResponseHandler(handler())));
        }
    }

    /// <summary>Publishes a booking as scheduling would and waits until referral has handled it.</summary>
    public async Task<AppointmentBooked> BookVisitAsync(Guid? patientId = null)
    {
        var startsAt = DateTimeOffset.UtcNow.AddHours(1);
        var booked = new AppointmentBooked(Guid.CreateVersion7(), Guid.CreateVersion7(), patientId ?? Guid.CreateVersion7(), DateTimeOffset.UtcNow,
            DateTimeOffset.UtcNow, Guid.CreateVersion7(), Guid.CreateVersion7(), "north", startsAt, startsAt.AddMinutes(20), "new-patient");
        await PublishAsync(booked);
        await HandledAsync(booked.EventId);
        return booked;
    }

    public async Task HandledAsync(Guid eventId) => await Eventually.Until(async () =>
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<HandledIntegrationEvent>(eventId);
    }, what: $"event {eventId} to be handled");

    public static async Task<JsonElement> Body(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonDocument>())!.RootElement;
}

/// <summary>The in-process test server answers with HTTP/1.1 on its responses; gRPC insists on seeing the HTTP/2 it asked for.</summary>
public sealed class Http2ResponseHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        response.Version = request.Version;
        return response;
    }
}
