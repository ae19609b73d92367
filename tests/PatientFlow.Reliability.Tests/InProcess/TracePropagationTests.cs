using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Reliability.Tests.InProcess;

/// <summary>
/// One visit's trace runs from the request that booked it, through scheduling's relay (which publishes later, from
/// the daemon) and the broker, to tracking's consumer: the relay publishes each event inside the trace it was appended in.
/// </summary>
public sealed class TracePropagationTests(SchedulingAndTracking platform) : IClassFixture<SchedulingAndTracking>
{
    [Fact]
    public async Task BookAppointment_RequestInATrace_TrackingConsumesInTheSameTrace()
    {
        using var spans = new SpanRecorder("MassTransit");
        using var desk = platform.Scheduling.CreateClient(Roles.FrontDesk);
        var slot = await BookableSlotAsync(desk);
        var trace = ActivityTraceId.CreateRandom();
        using var booking = new HttpRequestMessage(HttpMethod.Post, "/api/scheduling/appointments")
        {
            Content = JsonContent.Create(new { slot.PatientId, slot.ProviderId, slot.SlotId, visitType = "follow-up" }),
        };
        booking.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await desk.SendAsync(booking);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var visitId = (await response.Content.ReadFromJsonAsync<AppointmentCreated>())!.AppointmentId;

        var consumed = await Eventually.Until(
            () => Task.FromResult(spans.Stopped.FirstOrDefault(span => IsTrackingConsumingBooked(span, visitId))),
            TimeSpan.FromSeconds(60), $"tracking's consumer span for AppointmentBooked of visit {visitId}");

        consumed.TraceId.Should().Be(trace, "tracking consumed the visit's booking in the trace of the request that booked it");
    }

    // MassTransit's consume span: the relay sets the visit id as the message's correlation id.
    private static bool IsTrackingConsumingBooked(Activity span, Guid visitId) =>
        span is { Source.Name: "MassTransit", Kind: ActivityKind.Consumer } &&
        span.GetTagItem("messaging.masstransit.consumer_type") is string consumer &&
        consumer.Contains("JourneyConsumer", StringComparison.Ordinal) && consumer.Contains(nameof(AppointmentBooked), StringComparison.Ordinal) &&
        span.GetTagItem("messaging.masstransit.correlation_id") as string == visitId.ToString();

    /// <summary>A patient and a free slot of a new provider in the north clinic, set up in traces of their own.</summary>
    private async Task<BookableSlot> BookableSlotAsync(HttpClient desk)
    {
        await FrontDeskSetup.EnsureClinicAsync(platform.Scheduling.CreateClient(Roles.Ops), "north");
        var patient = await CreatedAsync<PatientCreated>(desk, "/api/scheduling/patients", new
        {
            mrn = $"MRN-{Guid.NewGuid():N}"[..20], firstName = "Ada", lastName = "Traced", dateOfBirth = "1980-04-12", sex = "female", clinic = "north",
        });
        var provider = await CreatedAsync<ProviderCreated>(desk, "/api/scheduling/providers", new { name = "Dr. Grey", specialty = "family-medicine", clinic = "north" });
        var slots = await CreatedAsync<SlotsCreated>(desk, $"/api/scheduling/providers/{provider.ProviderId}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddDays(1).ToString("O"), durationMinutes = 20, count = 1 });
        return new BookableSlot(patient.PatientId, provider.ProviderId, slots.Slots.Single().SlotId);
    }

    private static async Task<T> CreatedAsync<T>(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private sealed record BookableSlot(Guid PatientId, Guid ProviderId, Guid SlotId);

    private sealed record PatientCreated(Guid PatientId);

    private sealed record ProviderCreated(Guid ProviderId);

    private sealed record SlotsCreated(IReadOnlyList<SlotCreated> Slots);

    private sealed record SlotCreated(Guid SlotId);

    private sealed record AppointmentCreated(Guid AppointmentId);

    /// <summary>The spans of the given sources that ended in this process, in which both services run.</summary>
    private sealed class SpanRecorder : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ActivityListener _listener;

        public SpanRecorder(params string[] sources)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => sources.Contains(source.Name),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyCollection<Activity> Stopped => _stopped;

        public void Dispose() => _listener.Dispose();
    }
}
