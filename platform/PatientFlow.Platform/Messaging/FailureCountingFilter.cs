using MassTransit;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Platform.Messaging;

/// <summary>
/// First step of the error pipe, which MassTransit runs once, when a message has failed every retry and
/// is about to be moved to the error queue: counts it and logs its ids (never its content).
/// </summary>
internal sealed class FailureCountingFilter(MessagingMetrics metrics, ILogger logger, string errorQueue) : IFilter<ExceptionReceiveContext>
{
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var messageType = context.TryGetPayload<ConsumeContext>(out var consumed)
            ? consumed.SupportedMessageTypes.FirstOrDefault() ?? "unknown"
            : "unknown";
        metrics.Failed(messageType);
        logger.LogError(context.Exception,
            "Message {MessageId} ({MessageType}, visit {CorrelationId}) failed after every retry; moving it to {ErrorQueue}",
            consumed?.MessageId, messageType, consumed?.CorrelationId, errorQueue);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("patientflow-failure-count");
}
