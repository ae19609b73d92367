using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Marten;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Contracts;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;

namespace PatientFlow.Tracking.Tests.Api;

public class TrackingFactory() : ServiceFactory<Program>("tracking")
{
    private static readonly MethodInfo PublishGeneric = typeof(TrackingFactory).GetMethod(nameof(PublishAsync))!;

    /// <summary>Lets a fault test make one consumer's save lose a race (see <see cref="SaveInterference"/>).</summary>
    public SaveInterference Interference { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Tests run the bottleneck check themselves, at the moment they mean to.
        builder.UseSetting("Tracking:Bottlenecks:CheckEvery", "01:00:00");
        builder.ConfigureServices(services => services.ConfigureMarten(options => options.Listeners.Add(Interference)));
    }

    /// <summary>Publishes each event as its producing service would, one after another.</summary>
    public async Task PublishAllAsync(IEnumerable<IVisitEvent> events)
    {
        foreach (var message in events)
        {
            // MassTransit routes on the static type, so publish each as its own contract.
            await (Task)PublishGeneric.MakeGenericMethod(message.GetType()).Invoke(this, [message])!;
        }
    }

    /// <summary>Polls the timeline until it holds <paramref name="steps"/> steps (the journey projection is asynchronous).</summary>
    public Task<TimelineView> WaitForTimelineAsync(Guid visitId, int steps)
    {
        var ops = CreateClient(Roles.Ops);
        return Eventually.Until(async () =>
        {
            var response = await ops.GetAsync($"/api/tracking/visits/{visitId}/timeline");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var timeline = await response.Content.ReadFromJsonAsync<TimelineView>();
            return timeline?.Steps.Count >= steps ? timeline : null;
        }, what: $"a timeline of {steps} steps for visit {visitId}");
    }

    /// <summary>Counts how often this service finished consuming the event. Call before publishing.</summary>
    public ConsumedCounter CountConsumed(Guid eventId)
    {
        var counter = new ConsumedCounter(eventId);
        counter.Handle = Services.GetRequiredService<IBus>().ConnectConsumeObserver(counter);
        return counter;
    }
}

public sealed record TimelineView(
    Guid VisitId, Guid PatientId, string? Clinic, Guid? ProviderId, string? Room, string? CurrentStage, DateTimeOffset? StageEnteredAt,
    IReadOnlyList<StepView> Steps, IReadOnlyList<StageTimeView>? Stages = null)
{
    public StageTimeView Stage(string stage) => Stages!.Single(time => time.Stage == stage);
}

public sealed record StageTimeView(string Stage, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, int? Minutes);

public sealed record StepView(
    string? Stage, string EventType, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, Guid SourceEventId,
    DateTimeOffset? OriginalOccurredAt = null, Guid? CorrectedBy = null, DateTimeOffset? SupersededAt = null, Guid? Corrects = null);

public sealed record BoardView(DateTimeOffset GeneratedAt, IReadOnlyList<ColumnView> Columns)
{
    public ColumnView Column(string stage) => Columns.Single(column => column.Stage == stage);
}

public sealed record ColumnView(string Stage, int Count, IReadOnlyList<BoardVisitView> Visits);

public sealed record BoardVisitView(
    Guid VisitId, Guid PatientId, string? Clinic, Guid? ProviderId, string? Room, DateTimeOffset StageEnteredAt, int MinutesInStage);
