using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// Tells every tracking instance how far the feed may be read. The async daemon hands this subscription each page
/// of the log only once every event up to the page's end has committed (its high-water mark), so that position is
/// safe to read up to: no later commit can land below it. The notification rides in the transaction that records
/// the subscription's progress, so it is sent only once that progress is kept.
/// </summary>
public sealed class FeedSubscription : SubscriptionBase
{
    public const string Channel = "patientflow_feed";
    public const string SubscriptionName = "integrator-feed";

    public FeedSubscription()
    {
        Name = SubscriptionName;
        Options.BatchSize = 1000;
    }

    public override Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // A number: safe to write into the statement. NOTIFY, not select pg_notify(): see BoardListener.Notify.
        operations.QueueSqlCommand($"notify {Channel}, '{page.SequenceCeiling}'");
        return Task.FromResult<IChangeListener>(NullChangeListener.Instance);
    }
}
