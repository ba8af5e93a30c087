using System.Runtime.InteropServices;

namespace Tarjama.Cli;

/// <summary>The CLI's error edge: user errors become one clear line and a non-zero exit code, never a stack trace.</summary>
internal static class CommandGuard
{
    public const int UserError = 2;
    public const int InternalError = 70;
    public const int Interrupted = 130;

    /// <summary>Runs <paramref name="action"/> with a token that the first Ctrl+C (SIGINT) cancels, so that the command
    /// can stop cleanly and say how far it got; a second Ctrl+C ends the process at once.</summary>
    public static int Run(Func<CancellationToken, int> action)
    {
        using var interrupt = new CancellationTokenSource();
        using var signal = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (!interrupt.IsCancellationRequested)
            {
                context.Cancel = true;
                interrupt.Cancel();
            }
        });
        return Run(() => action(interrupt.Token));
    }

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (TarjamaException e)
        {
            Console.Error.WriteLine($"tarjama: error: {e.Message}");
            return UserError;
        }
        catch (OperationCanceledException e)
        {
            Console.Error.WriteLine(e is InterruptedException ? $"tarjama: interrupted: {e.Message}" : "tarjama: interrupted");
            return Interrupted;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("TARJAMA_DEBUG") is null)
        {
            Console.Error.WriteLine($"tarjama: internal error: {e.GetType().Name}: {e.Message} (set TARJAMA_DEBUG=1 for details)");
            return InternalError;
        }
    }
}

/// <summary>A command stopped by Ctrl+C; the message says how far it got.</summary>
internal sealed class InterruptedException(string howFar) : OperationCanceledException(howFar);
