using Grpc.Core;
using Grpc.Net.Client;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PatientFlow.Contracts;
using PatientFlow.Contracts.Grpc.Tracking.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing.Identity;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Tests.Api;

namespace PatientFlow.Tracking.Tests.Feed;

/// <summary>The feed's clients as an integrator would hold them, against the test service.</summary>
public static class FeedClients
{
    public static (IntegratorFeed.IntegratorFeedClient Client, Metadata Headers, GrpcChannel Channel) Grpc(TrackingFactory factory, string role = Roles.Integrator) =>
        Grpc(factory, Caller.ForRole(role));

    /// <summary>The gRPC feed client with a token describing <paramref name="caller"/> in each call's metadata.</summary>
    public static (IntegratorFeed.IntegratorFeedClient Client, Metadata Headers, GrpcChannel Channel) Grpc(TrackingFactory factory, Caller caller)
    {
        var channel = GrpcChannel.ForAddress(factory.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = new VersionedResponses(factory.Server.CreateHandler()) });
        return (new IntegratorFeed.IntegratorFeedClient(channel), new Metadata { { "authorization", $"Bearer {factory.TokenFor(caller)}" } }, channel);
    }

    /// <summary>
    /// Publishes visits' events through RabbitMQ and waits until tracking logged all of them; returns the source
    /// event ids in tracking's log order (what the feed must give back).
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> PublishAndWaitAsync(TrackingFactory factory, string clinic, IReadOnlyList<IVisitEvent> events)
    {
        await BookAsync(factory, clinic, events);
        await factory.PublishAllAsync(events.Where(e => e is not AppointmentBooked));
        return await LoggedAsync(factory, clinic, events.Count);
    }

    /// <summary>
    /// Publishes the bookings first and waits for them: a step names the clinic tracking knew when it logged it, and
    /// each contract has its own queue, so a burst could log a visit's later steps before its booking.
    /// </summary>
    public static async Task<int> BookAsync(TrackingFactory factory, string clinic, IReadOnlyList<IVisitEvent> events)
    {
        var bookings = events.OfType<AppointmentBooked>().ToList();
        await factory.PublishAllAsync(bookings);
        await LoggedAsync(factory, clinic, bookings.Count);
        return bookings.Count;
    }

    /// <summary>
    /// Waits until the feed may be read up to the end of tracking's log (the daemon has declared every event so far
    /// committed), so what a test times next is the replay, not the daemon catching up. Returns that position.
    /// </summary>
    public static async Task<long> SafeToEndAsync(TrackingFactory factory)
    {
        await using var connection = factory.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select coalesce(max(seq_id), 0) from mt_events", connection);
        var last = (long)(await command.ExecuteScalarAsync())!;
        var hub = factory.Services.GetRequiredService<FeedHub>();
        await PatientFlow.Testing.Eventually.Until(() => Task.FromResult(hub.SafePosition >= last ? (object)true : null),
            timeout: TimeSpan.FromSeconds(60), what: $"the feed's safe position past {last}");
        return last;
    }

    /// <summary>The clinic's steps in tracking's log, in position order, once there are <paramref name="count"/>.</summary>
    public static async Task<IReadOnlyList<Guid>> LoggedAsync(TrackingFactory factory, string clinic, int count) =>
        await PatientFlow.Testing.Eventually.Until(async () =>
        {
            await using var connection = factory.Store.Storage.Database.CreateConnection();
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select data ->> 'sourceEventId' from mt_events where type = 'journey_step_recorded' and data ->> 'clinic' = @clinic order by seq_id", connection);
            command.Parameters.AddWithValue("clinic", clinic);
            var ids = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(Guid.Parse(reader.GetString(0)));
            }

            return ids.Count >= count ? ids : null;
        }, what: $"{count} steps of {clinic} in tracking's log", timeout: TimeSpan.FromSeconds(120));

    /// <summary>Events of <paramref name="visits"/> whole visits (8 each) in one clinic.</summary>
    public static IReadOnlyList<IVisitEvent> Visits(string clinic, int visits) => Enumerable.Range(0, visits)
        .SelectMany(_ =>
        {
            var visit = VisitScript.New(clinic, DateTimeOffset.UtcNow.AddHours(-2));
            return (IEnumerable<IVisitEvent>)[visit.Booked(), visit.CheckedIn(), visit.Roomed(), visit.Vitals(), visit.ProviderStarted(),
                visit.EncounterCompleted(), visit.LabOrdered(), visit.CheckedOut()];
        })
        .ToList();

    /// <summary>gRPC over the test server needs the response to claim HTTP/2, as a real connection would.</summary>
    private sealed class VersionedResponses(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            response.Version = request.Version;
            return response;
        }
    }
}
