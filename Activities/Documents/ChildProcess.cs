using System.Diagnostics;

namespace Pipeline.Activities.Documents;

/// <summary>Output of a finished child process.</summary>
public sealed record ChildProcessResult(int ExitCode, byte[] StandardOutput, string StandardError);

/// <summary>
/// Runs helper programs (Poppler) as child processes with a timeout, so a crash or hang on a hostile
/// file cannot take the host down. The child is killed, with its process tree, on timeout or cancellation.
/// </summary>
public static class ChildProcess
{
    /// <summary>Runs <paramref name="program"/> and collects stdout as bytes and stderr as text.</summary>
    /// <exception cref="TimeoutException">The child ran longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="ToolMissingException">The program is not installed.</exception>
    public static async Task<ChildProcessResult> RunAsync(
        string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (exit, stdout, stderr) = await RunPooledAsync(program, arguments, timeout, 0, cancellationToken).ConfigureAwait(false);
        using (stdout) return new ChildProcessResult(exit, stdout.Span.ToArray(), stderr);
    }

    /// <summary>
    /// As <see cref="RunAsync"/>, but stdout lands in a pooled buffer (for page images); the caller disposes it.
    /// </summary>
    /// <param name="stdoutSizeHint">Expected stdout size in bytes, to rent a large enough buffer at once.</param>
    /// <param name="maxStdout">Most stdout bytes accepted; past it the child is killed and the document refused as too large.</param>
    public static async Task<(int ExitCode, PooledBuffer StandardOutput, string StandardError)> RunPooledAsync(
        string program, IEnumerable<string> arguments, TimeSpan timeout, int stdoutSizeHint, CancellationToken cancellationToken, int maxStdout = int.MaxValue)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolMissingException(program, e);
        }
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var readOut = PooledBuffer.ReadToEndAsync(process.StandardOutput.BaseStream, stdoutSizeHint, timer.Token, maxStdout);
        var readErr = process.StandardError.ReadToEndAsync(timer.Token);
        try
        {
            // stdout first: when it overflows the child is killed at once instead of blocking on a full pipe.
            await readOut.ConfigureAwait(false);
            await readErr.ConfigureAwait(false);
            await process.WaitForExitAsync(timer.Token).ConfigureAwait(false);
        }
        catch (DocumentRejectedException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            if (readOut.IsCompletedSuccessfully) readOut.Result.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{program} did not finish within {timeout.TotalSeconds:0} s.");
        }
        return (process.ExitCode, await readOut.ConfigureAwait(false), await readErr.ConfigureAwait(false));
    }
}

/// <summary>A helper program the pipeline needs is not installed.</summary>
public sealed class ToolMissingException(string program, Exception inner)
    : Exception($"{program} is not installed (apt-get install poppler-utils).", inner)
{
    public string Program { get; } = program;
}
