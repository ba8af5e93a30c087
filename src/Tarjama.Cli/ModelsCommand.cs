using Tarjama.Models;
using System.CommandLine;
using Tarjama.Conversion;
using Tarjama.Hub;

namespace Tarjama.Cli;

/// <summary><c>tarjama models</c>: the catalogue, and pulling, checking and removing models in the Hugging Face cache.</summary>
internal static class ModelsCommand
{
    private const int VerificationFailed = 1;

    /// <param name="hubSettings">Where the cache and Hub are; read from the environment (HF_HOME, HF_ENDPOINT, ...) unless given.</param>
    public static Command Create(Func<HubSettings>? hubSettings = null)
    {
        var settings = hubSettings ?? HubSettings.FromEnvironment;
        var command = new Command("models", "List, pull, verify and remove translation models in the Hugging Face cache.");
        command.Subcommands.Add(List(settings));
        command.Subcommands.Add(Pull(settings));
        command.Subcommands.Add(Verify(settings));
        command.Subcommands.Add(Remove(settings));
        command.Subcommands.Add(Convert(settings));
        return command;
    }

    private static Command List(Func<HubSettings> settings)
    {
        var command = new Command("list", "Show the known-good models, and which are already on disk.");
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            var hub = settings();
            var cached = CachedModels.List(hub.CacheDirectory).ToDictionary(c => c.Repo);
            List<string[]> rows = [["NAME", "REPOSITORY", "DIRECTION", "SIZE", "LICENCE", "ON DISK"]];
            rows.AddRange(ModelCatalog.Models.Select(m =>
                new[] { m.Name, m.Repo.ToString(), m.Direction, m.ApproximateSize, m.Licence, OnDisk(cached.GetValueOrDefault(m.Repo)) }));
            rows.AddRange(cached.Values.Where(c => c.Dtypes.Count > 0 && ModelCatalog.Models.All(m => m.Repo != c.Repo))
                .Select(c => new[] { "-", c.Repo.ToString(), "?", "-", "see its card", OnDisk(c) }));
            var output = parse.InvocationConfiguration.Output;
            WriteColumns(output, rows);
            output.WriteLine($"cache: {hub.CacheDirectory}");
            return 0;
        }));
        return command;
    }

    private static Command Pull(Func<HubSettings> settings)
    {
        var model = new Argument<string>("model") { Description = "A catalogue name (opus-mt-ar-en) or Hub repository (Xenova/opus-mt-ar-en)." };
        var revision = new Option<string>("--revision") { Description = "Branch, tag or commit to pull.", DefaultValueFactory = _ => "main" };
        var dtype = new Option<string>("--dtype") { Description = "Weight precision of the ONNX files.", DefaultValueFactory = _ => ModelDtype.Fp32.Name() };
        dtype.AcceptOnlyFromAmong([.. Enum.GetValues<ModelDtype>().Select(d => d.Name())]);
        var command = new Command("pull", "Download a model's engine files into the Hugging Face cache (resumable, verified).") { model, revision, dtype };
        command.SetAction((parse, cancellation) => Task.FromResult(CommandGuard.Run(() =>
        {
            var configuration = parse.InvocationConfiguration;
            var folder = PullDisplays.Show(configuration.Error, observer => ModelResolver.Pull(
                parse.GetValue(model)!,
                new ModelResolveOptions
                {
                    Hub = settings(),
                    Revision = parse.GetValue(revision)!,
                    Dtype = ModelDtypes.Parse(parse.GetValue(dtype)!),
                    Observer = observer,
                },
                cancellation));
            configuration.Output.WriteLine(folder);
            return 0;
        })));
        return command;
    }

    private static Command Verify(Func<HubSettings> settings)
    {
        var model = new Argument<string>("model") { Description = "Check only this model (default: every model in the cache).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("verify", "Re-hash cached files against the Hub's SHA-256 / git SHA-1 they are named by.") { model };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            var hub = settings();
            var output = parse.InvocationConfiguration.Output;
            var repos = parse.GetValue(model) is { } name
                ? [ModelResolver.RepoFor(name)]
                : CachedModels.List(hub.CacheDirectory).Select(c => c.Repo).ToList();
            if (repos.Count == 0)
            {
                output.WriteLine($"no models in the cache at {hub.CacheDirectory}");
            }

            var failed = false;
            foreach (var repo in repos)
            {
                var checks = CacheVerifier.Verify(hub.CacheDirectory, repo);
                var problems = checks.Where(c => c.Outcome != FileCheckOutcome.Ok).ToList();
                output.WriteLine($"{repo}: {checks.Count - problems.Count} of {checks.Count} files OK");
                foreach (var problem in problems)
                {
                    output.WriteLine($"  {problem.Outcome.ToString().ToUpperInvariant()} {problem.Path} ({problem.Commit[..Math.Min(7, problem.Commit.Length)]}): {problem.Detail}");
                }

                failed |= problems.Any(p => p.Outcome is FileCheckOutcome.Damaged or FileCheckOutcome.MissingBlob or FileCheckOutcome.BrokenRef);
            }

            return failed ? VerificationFailed : 0;
        }));
        return command;
    }

    private static Command Remove(Func<HubSettings> settings)
    {
        var model = new Argument<string>("model") { Description = "A catalogue name or Hub repository in the cache." };
        var revision = new Option<string>("--revision") { Description = "Remove only this revision's snapshot (default: all of them)." };
        var command = new Command("rm", "Remove a model's snapshots and the blobs no other snapshot uses.") { model, revision };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            var repo = ModelResolver.RepoFor(parse.GetValue(model)!);
            var freed = CacheRemover.Remove(settings().CacheDirectory, repo, parse.GetValue(revision));
            parse.InvocationConfiguration.Output.WriteLine($"removed {repo} ({ByteSize.Format(freed)} freed)");
            return 0;
        }));
        return command;
    }

    private static Command Convert(Func<HubSettings> settings)
    {
        var model = new Argument<string>("model") { Description = "A checkpoint folder (config.json + safetensors), catalogue name or Hub repository." };
        var output = new Option<string>("--output", "-o") { Description = "The model folder to create (must not exist yet).", Required = true };
        var revision = new Option<string>("--revision") { Description = "Branch, tag or commit of a Hub repository.", DefaultValueFactory = _ => "main" };
        var dtype = new Option<string>("--dtype") { Description = "Weight precision to write.", DefaultValueFactory = _ => ModelDtype.Fp32.Name() };
        dtype.AcceptOnlyFromAmong([.. CheckpointConverter.Dtypes.Select(d => d.Name())]);
        var command = new Command("convert", "Convert a Hugging Face safetensors checkpoint (MarianMT, M2M100/NLLB) into an ONNX model folder.") { model, output, revision, dtype };
        command.SetAction((parse, cancellation) => Task.FromResult(CommandGuard.Run(() =>
        {
            var configuration = parse.InvocationConfiguration;
            var name = parse.GetValue(model)!;
            var target = parse.GetValue(output)!;
            var precision = ModelDtypes.Parse(parse.GetValue(dtype)!);
            PullDisplays.Show(configuration.Error, observer =>
            {
                var source = Directory.Exists(name)
                    ? name
                    : ModelResolver.PullCheckpoint(name, new ModelResolveOptions { Hub = settings(), Revision = parse.GetValue(revision)!, Observer = observer }, cancellation);
                observer.Note($"converting {source} to ONNX {precision.Name()} in {target}");
                CheckpointConverter.Convert(source, target, new ConversionOptions { Dtype = precision, Progress = new ConversionObserver(observer) }, cancellation);
                return 0;
            });
            configuration.Output.WriteLine(Path.GetFullPath(target));
            return 0;
        })));
        return command;
    }

    private static string OnDisk(CachedRepository? cached) =>
        cached is null ? "-" : $"{(cached.Dtypes.Count == 0 ? "incomplete" : string.Join(", ", cached.Dtypes.Select(d => d.Name())))} ({ByteSize.Format(cached.BytesOnDisk)})";

    private static void WriteColumns(TextWriter output, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
