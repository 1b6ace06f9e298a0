namespace Gongjian.Functions.Hosting;

public static class AppStarted
{
    /// <summary>
    /// Waits until the host has started (Kestrel listens): background work that is not needed to serve
    /// the first request starts after it, so it does not compete with start-up. False if stopped first.
    /// </summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stopping)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stopping.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
