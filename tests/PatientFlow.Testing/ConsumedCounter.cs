using MassTransit;
using PatientFlow.Contracts;

namespace PatientFlow.Testing;

/// <summary>
/// Counts how often a service finished consuming one event id, duplicates included: the handled-id
/// record cannot tell a skipped duplicate from one not yet delivered, this can.
/// </summary>
public sealed class ConsumedCounter(Guid eventId) : IConsumeObserver, IDisposable
{
    private readonly SemaphoreSlim _consumed = new(0);

    public ConnectHandle? Handle { get; set; }

    public async Task WaitForAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            if (!await _consumed.WaitAsync(Eventually.DefaultTimeout))
            {
                throw new TimeoutException($"event {eventId} was consumed {i} times, expected {times}");
            }
        }
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is IIntegrationEvent message && message.EventId == eventId)
        {
            _consumed.Release();
        }

        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public void Dispose() => Handle?.Disconnect();
}
