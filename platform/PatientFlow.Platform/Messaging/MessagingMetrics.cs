using System.Diagnostics.Metrics;
using PatientFlow.ServiceDefaults.Observability;

namespace PatientFlow.Platform.Messaging;

/// <summary>What operations watch on the message flow: failures that need a person, and how deep each queue is.</summary>
public sealed class MessagingMetrics : IDisposable
{
    private readonly Meter _meter = new(TelemetryExtensions.PatientFlowSource);
    private readonly Counter<long> _failed;
    private readonly Counter<long> _published;
    private readonly Counter<long> _publishRetries;
    private readonly Counter<long> _replayed;

    public MessagingMetrics(BrokerMonitor monitor)
    {
        _failed = _meter.CreateCounter<long>("patientflow.messaging.failed",
            description: "Messages that still failed after every retry and were moved to the error queue.");
        _published = _meter.CreateCounter<long>("patientflow.relay.published",
            description: "Integration events the relay published and the broker confirmed.");
        _publishRetries = _meter.CreateCounter<long>("patientflow.relay.publish_retries",
            description: "Relay publish attempts that failed or timed out and were retried.");
        _replayed = _meter.CreateCounter<long>("patientflow.messaging.replayed",
            description: "Messages an operator moved from the error or dead-letter queue back to the service queue.");
        _meter.CreateObservableGauge("patientflow.messaging.queue.depth", () => monitor.Latest.Depths
            .Select(depth => new Measurement<long>(depth.Value, new KeyValuePair<string, object?>("queue", depth.Key))),
            description: "Messages waiting in each of this service's queues, as last probed.");
    }

    public void Failed(string messageType) => _failed.Add(1, new KeyValuePair<string, object?>("message_type", messageType));

    public void Published(string messageType) => _published.Add(1, new KeyValuePair<string, object?>("message_type", messageType));

    public void PublishRetried() => _publishRetries.Add(1);

    public void Replayed(int count) => _replayed.Add(count);

    public void Dispose() => _meter.Dispose();
}
