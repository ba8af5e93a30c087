using System.CommandLine;
using Tarjama.Cli;
using Tarjama.Hub;

namespace Tarjama.Tests.Hub;

/// <summary>Runs <c>tarjama models ...</c> in-process against the given hub settings, capturing what it prints.</summary>
internal static class ModelsCli
{
    public static (int ExitCode, string Output, string Error) Run(Func<HubSettings> settings, params string[] args)
    {
        var root = new RootCommand { ModelsCommand.Create(settings) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }
}
