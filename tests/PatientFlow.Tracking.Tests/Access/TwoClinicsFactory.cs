using Marten;
using Marten.Events;
using PatientFlow.Contracts;
using PatientFlow.Tracking.Tests.Feed;
using PatientFlow.Tracking.Tests.Webhooks;

namespace PatientFlow.Tracking.Tests.Access;

/// <summary>
/// Tracking (webhooks may reach loopback) with two visits in each of two clinics, <see cref="North"/> and
/// <see cref="South"/>, each booked, checked in, roomed and with a heart rate recorded: published through RabbitMQ once,
/// on the first test that asks, and read to the end by the feed and the projections.
/// </summary>
public sealed class TwoClinicsFactory : WebhookFactory
{
    private readonly Lazy<Task> _published;

    public TwoClinicsFactory()
    {
        _published = new Lazy<Task>(PublishAsync);
        var arrival = DateTimeOffset.UtcNow.AddMinutes(-30);
        NorthVisits = [VisitScript.New(North, arrival), VisitScript.New(North, arrival)];
        SouthVisits = [VisitScript.New(South, arrival), VisitScript.New(South, arrival)];
    }

    public string North { get; } = $"north-{Guid.NewGuid():N}";

    public string South { get; } = $"south-{Guid.NewGuid():N}";

    public IReadOnlyList<VisitScript> NorthVisits { get; }

    public IReadOnlyList<VisitScript> SouthVisits { get; }

    /// <summary>North's events in tracking's log order, once <see cref="PublishedAsync"/> completed.</summary>
    public IReadOnlyList<Guid> NorthEvents { get; private set; } = [];

    public Task PublishedAsync() => _published.Value;

    private async Task PublishAsync()
    {
        NorthEvents = await FeedClients.PublishAndWaitAsync(this, North, EventsOf(NorthVisits));
        await FeedClients.PublishAndWaitAsync(this, South, EventsOf(SouthVisits));
        await FeedClients.SafeToEndAsync(this);
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
    }

    private static IReadOnlyList<IVisitEvent> EventsOf(IReadOnlyList<VisitScript> visits) =>
        [.. visits.SelectMany(visit => (IEnumerable<IVisitEvent>)[visit.Booked(), visit.CheckedIn(), visit.Roomed(), visit.Vitals()])];
}
