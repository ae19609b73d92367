using System.Runtime.InteropServices;

namespace PatientFlow.AppHost.Terminal;

/// <summary>Turns Ctrl-C and SIGTERM into a cancellation, so we stop the processes in order instead of dying.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource requested = new();
    private readonly List<PosixSignalRegistration> registrations;

    public ShutdownSignal()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        registrations = [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }.Select(signal =>
            PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                requested.Cancel();
            }))];
    }

    public CancellationToken Token => requested.Token;

    public Task WaitAsync() => Task.Delay(Timeout.Infinite, requested.Token).ContinueWith(_ => { }, TaskScheduler.Default);

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        registrations.ForEach(registration => registration.Dispose());
        requested.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        requested.Cancel();
    }
}
