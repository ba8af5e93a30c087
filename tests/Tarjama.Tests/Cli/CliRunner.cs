using System.Diagnostics;
using System.Text;

namespace Tarjama.Tests.Cli;

/// <summary>Runs the real CLI as a separate process, as a user would, and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Tarjama.Cli.dll");

    public static Result Run(byte[]? stdin, params string[] args) => Run(stdin, new Dictionary<string, string>(), args);

    public static Result Run(string stdin, params string[] args) => Run(Encoding.UTF8.GetBytes(stdin), args);

    /// <param name="environment">Variables set for the CLI on top of this process's.</param>
    public static Result Run(byte[]? stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        return Collect(process, stdin, args);
    }

    /// <summary>Runs the CLI through bash, so that its standard streams can be files: <paramref name="redirections"/>
    /// such as <c>&lt; a.txt</c> are added to the command line as written.</summary>
    public static Result RunRedirected(string redirections, params string[] args)
    {
        var start = Info("bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet \"$@\" {redirections}");
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add(Dll);
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        return Collect(process, null, args);
    }

    /// <summary>Runs the CLI on a pseudo-terminal (util-linux <c>script</c>): standard output and error both reach the
    /// terminal, and what the terminal received is returned, escape sequences and all.</summary>
    public static Result RunOnTerminal(params string[] args)
    {
        var start = Info("script");
        string command = string.Join(' ', new[] { "dotnet", Dll }.Concat(args).Select(a => $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'"));
        foreach (var arg in new[] { "-qefc", $"stty cols 200; exec {command}", "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        return Collect(process, null, args);
    }

    /// <summary>Starts the CLI with its standard streams redirected; the caller reads them and waits. A variable of
    /// <paramref name="environment"/> given as "" is removed from the CLI's environment.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = Info("dotnet");
        start.ArgumentList.Add(Dll);
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value.Length == 0 ? null : value;
        }
        return Process.Start(start)!;
    }

    private static ProcessStartInfo Info(string program) => new(program)
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        StandardOutputEncoding = Encoding.UTF8,
        StandardErrorEncoding = Encoding.UTF8,
    };

    private static Result Collect(Process process, byte[]? stdin, string[] args)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tarjama {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
