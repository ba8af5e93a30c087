namespace Tarjama.Cli;

/// <summary>The CLI's error edge: user errors become one clear line and a non-zero exit code, never a stack trace.</summary>
internal static class CommandGuard
{
    public const int UserError = 2;
    public const int InternalError = 70;

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
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("tarjama: cancelled");
            return 130;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("TARJAMA_DEBUG") is null)
        {
            Console.Error.WriteLine($"tarjama: internal error: {e.GetType().Name}: {e.Message} (set TARJAMA_DEBUG=1 for details)");
            return InternalError;
        }
    }
}
