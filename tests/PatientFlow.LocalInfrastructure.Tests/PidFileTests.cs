using System.Diagnostics;

namespace PatientFlow.LocalInfrastructure.Tests;

public sealed class PidFileTests
{
    [Fact]
    public async Task StopLeftoversAsync_ProcessOfDeadRun_StopsIt()
    {
        using var folder = new TempDataFolder();
        using var orphan = Process.Start("sleep", "300");
        new PidFile(Path.Combine(folder.Path, "orphan.pid")).Write(orphan.Id, StopSignal.Terminate);

        await PidFile.StopLeftoversAsync(folder.Path, log: null);

        (await WaitForExitAsync(orphan)).Should().BeTrue();
        File.Exists(Path.Combine(folder.Path, "orphan.pid")).Should().BeFalse();
    }

    [Fact]
    public async Task StopLeftoversAsync_PidReusedByAnotherProcess_LeavesItRunning()
    {
        using var folder = new TempDataFolder();
        using var bystander = Process.Start("sleep", "300");
        // Same pid, different start time: what a recycled pid looks like.
        File.WriteAllText(Path.Combine(folder.Path, "stale.pid"), $"{bystander.Id} 1 15\n");

        await PidFile.StopLeftoversAsync(folder.Path, log: null);

        ProcessTable.IsAlive(bystander.Id).Should().BeTrue();
        bystander.Kill();
    }

    private static async Task<bool> WaitForExitAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);
        return process.HasExited;
    }
}
