using PatientFlow.AppHost;
using PatientFlow.AppHost.Terminal;

// Launches PostgreSQL, RabbitMQ, every service and the gateway; Ctrl-C stops them all.
using var shutdown = new ShutdownSignal();
try
{
    var (options, envFile, simulation) = CommandLine.Parse(args);
    if (envFile is not null)
    {
        return await InfrastructureOnly.RunAsync(options, envFile, shutdown);
    }

    if (simulation is not null)
    {
        return await SimulatedDay.RunAsync(options, simulation, shutdown);
    }

    await using var platform = await Platform.DefineDefault(options).StartAsync(shutdown.Token);
    StartupSummary.Print(platform, options.DataDirectory, new ConsoleOutput(options.Output, 10));
    await shutdown.WaitAsync();
    return 0;
}
catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
{
    return 130;
}
catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or TimeoutException)
{
    Console.Error.WriteLine($"apphost: {exception.Message}");
    return 1;
}
