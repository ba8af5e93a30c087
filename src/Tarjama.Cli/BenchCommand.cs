using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Tarjama.Models;
using Tarjama.Translation;

namespace Tarjama.Cli;

/// <summary><c>tarjama bench</c>: our engine and transformers.js on the same model, sentences and settings, side by
/// side in one run, reported as ratios (absolute times on shared machines mean little).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var model = new ModelOptions();
        var inputs = new Option<string?>("--inputs") { Description = "Sentences, one per line (default: NTREX-128's Arabic side from the test-set data folder $TARJAMA_DATA)" };
        var count = new Option<int>("--count") { Description = "How many sentences to translate", DefaultValueFactory = _ => 50 }.Within(1, 100_000);
        var runs = new Option<int>("--runs") { Description = "Timed runs of each engine, alternated; the median is reported", DefaultValueFactory = _ => 1 }.Within(1, 100);
        var reference = new Option<string>("--reference") { Description = "Peer to compare with: transformersjs or none", DefaultValueFactory = _ => "transformersjs" };
        reference.AcceptOnlyFromAmong("transformersjs", "none");
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
        var (from, to) = LanguageOptions.ModelDirection();
        var command = new Command("bench", "Measure translation speed against transformers.js on the same model and inputs.");
        model.AddTo(command);
        foreach (var option in new Option[] { inputs, count, runs, reference, json, from, to })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            var sentences = BenchInputs.Read(parse.GetValue(inputs), parse.GetValue(count));
            var options = model.Read(parse, parse.GetValue(from), parse.GetValue(to));
            string modelPath = model.ResolveFolder(parse);
            int threads = options.Engine.ThreadCount;
            int maxNewTokens = parse.GetValue(model.MaxNewTokens) ?? 64;
            options = options with { Generation = options.Generation with { MaxNewTokens = maxNewTokens } };
            using var translator = Translator.Load(modelPath, options);
            var peer = parse.GetValue(reference) == "transformersjs" && translator.Settings.NumBeams == 1
                ? new TransformersJsBench(TransformersJsBench.FindScript(), modelPath, options.DType, options.BatchSize, maxNewTokens, threads,
                    translator.Family.Name is "nllb" or "m2m100" ? translator.Family.DefaultPair : null)
                : null;
            var ours = new List<BenchFigures>();
            var theirs = new List<BenchFigures>();
            // Warm-up, as the peer's: one batch, so that JIT and the runtime's first allocations for a batch's shapes are not timed.
            translator.TranslateDetailed(sentences.Take(Math.Min(options.BatchSize, sentences.Count)).ToList());
            for (int run = 0; run < parse.GetValue(runs); run++)
            {
                ours.Add(MeasureOurs(translator, sentences));
                if (peer is not null)
                {
                    theirs.Add(peer.Measure(sentences));
                }
            }
            var report = new BenchReport(modelPath, options.DType.Name(), sentences.Count, options.BatchSize, translator.Settings.NumBeams, maxNewTokens, threads,
                BenchFigures.Median(ours), theirs.Count > 0 ? BenchFigures.Median(theirs) : null, Process.GetCurrentProcess().PeakWorkingSet64);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(report) : report.ToTable());
            return 0;
        }));
        return command;
    }

    private static BenchFigures MeasureOurs(Translator translator, IReadOnlyList<string> sentences)
    {
        translator.Statistics.Reset();
        var clock = Stopwatch.StartNew();
        var results = translator.TranslateDetailed(sentences);
        double seconds = clock.Elapsed.TotalSeconds;
        var (steps, shortlisted) = translator.Statistics.Shortlists;
        return new BenchFigures(seconds, sentences.Count, results.Sum(r => r.TokenIds.Length), translator.Statistics.OnnxTime.TotalSeconds,
            steps > 0 ? shortlisted / (double)steps : null);
    }
}
