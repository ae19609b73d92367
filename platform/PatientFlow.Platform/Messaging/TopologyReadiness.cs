namespace PatientFlow.Platform.Messaging;

/// <summary>Opens once the platform's queues and bindings exist on the broker; the relay waits for it.</summary>
public sealed class TopologyReadiness
{
    private readonly TaskCompletionSource _deployed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsDeployed => _deployed.Task.IsCompleted;

    public void MarkDeployed() => _deployed.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => _deployed.Task.WaitAsync(cancellationToken);
}
