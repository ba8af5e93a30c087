using Tarjama.Translation;
using System.CommandLine;
using Tarjama.Evaluation;

namespace Tarjama.Cli;

/// <summary><c>tarjama eval</c>: BLEU, chrF and chrF++ as sacreBLEU computes them, of existing translations (--hyp)
/// or of the engine's own (--model), with its speed.</summary>
/// <remarks>Public so that tests can run it in-process with a stand-in engine.</remarks>
public static class EvalCommand
{
    /// <param name="loadEngine">Loads the engine for --model; null for the build's own.</param>
    public static Command Create(Func<string, ISegmentTranslator>? loadEngine = null)
    {
        var hypotheses = new Option<string?>("--hyp") { HelpName = "FILE", Description = "Translations to score, one segment a line" };
        var references = new Option<string[]>("--ref") { HelpName = "FILE", Description = "Reference translations, one segment a line; repeat for more references" };
        var metrics = new Option<string>("--metrics") { HelpName = "LIST", Description = $"Comma-separated metrics from {Metrics.AllNames}", DefaultValueFactory = _ => Metrics.AllNames };
        var json = new Option<bool>("--json") { Description = "Print one JSON object keyed by metric" };
        var sentenceLevel = new Option<bool>("--sentence-level") { Description = "Also score each sentence (sentence BLEU uses the effective order)" };
        var width = new Option<int>("--width") { HelpName = "N", Description = "Decimals of the printed scores", DefaultValueFactory = _ => 1 }.Within(0, 10);
        var model = new Option<string?>("--model") { HelpName = "FOLDER", Description = "Model (folder, catalogue name or Hub repository): translate --src (or the --test set) with the engine, then score" };
        var sources = new Option<string?>("--src") { HelpName = "FILE", Description = "Source text to translate with --model, one segment a line" };
        var test = new Option<string?>("--test") { HelpName = "NAME", Description = $"A test set from the data folder $TARJAMA_DATA ({string.Join(", ", TestSets.Names)}) instead of --src and --ref" };
        var languagePair = new Option<string?>("--lang-pair") { HelpName = "PAIR", Description = "With --hyp and --test: the direction of the translations, ar-en or en-ar" };
        var byDocument = new Option<bool>("--by-document") { Description = "Score each document (ntrex128, or --doc-ids) and list the worst" };
        var documentIds = new Option<string?>("--doc-ids") { HelpName = "FILE", Description = "Document id of each segment, one a line; implies --by-document" };
        var (from, to) = LanguageOptions.ModelDirection();
        var worst = new Option<int>("--worst") { HelpName = "N", Description = "How many of the worst documents to list", DefaultValueFactory = _ => 10 }.Within(0, 10_000);

        var command = new Command("eval", "Score translations with BLEU, chrF and chrF++ exactly as sacreBLEU does.")
        {
            hypotheses, references, metrics, json, sentenceLevel, width, model, sources, test, languagePair, byDocument, documentIds, worst, from, to,
        };
        // With --model, the engine and decoding flags of translate (--beams, --batch-size, --dtype, ...); eval's own
        // --model is optional, so the shared required one gives way.
        var engine = new ModelOptions();
        engine.AddTo(command);
        command.Options.Remove(engine.Model);
        command.OnlyWhen([.. engine.Decoding, from, to], result => result.Given(model), "is for --model (the engine translates); --hyp scores translations that exist");
        command.OnlyWhen([width], result => !result.Given(json), "sets the decimals of the text report; --json gives full precision");
        command.OnlyWhen([worst], result => result.Given(byDocument) || result.Given(documentIds), "lists the worst documents: add --by-document");
        command.OnlyWhen([languagePair], result => result.Given(test), "tells the direction of --hyp against a --test set; with --ref it is not needed");
        var terminology = TerminologyOptions.AddTo(command, strict: false);
        var memory = new MemoryOptions();
        memory.AddTo(command, withFuzzy: false);
        command.SetAction(parse => CommandGuard.Run(cancellation =>
        {
            var request = new Request(
                parse.GetValue(hypotheses), parse.GetValue(references) ?? [], parse.GetValue(metrics)!, parse.GetValue(sentenceLevel),
                parse.GetValue(model), parse.GetValue(sources), parse.GetValue(test), parse.GetValue(languagePair),
                parse.GetValue(byDocument), parse.GetValue(documentIds));
            int decimals = parse.GetValue(width), worstCount = parse.GetValue(worst);
            var load = loadEngine ?? (name =>
            {
                var options = engine.Read(parse, parse.GetValue(from), parse.GetValue(to));
                var translator = Translator.Load(ModelOptions.Resolve(name, options.DType, cancellation), options);
                return memory.Wrap(parse, TerminologyOptions.Enforcing(translator, terminology.Terms(parse, translator)));
            });
            int window = TranslateCommand.Window(parse.GetValue(engine.BatchSize));
            var report = Evaluate(request, name => new WindowedTranslator(load(name), window, TerminalProgress.OnStandardError("sentence")), cancellation);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                EvaluationReportJson.Write(output, report);
            }
            else
            {
                EvaluationReportText.Write(output, report, decimals, worstCount);
            }
            return 0;
        }));
        return command;
    }

    private sealed record Request(
        string? Hypotheses, string[] References, string Metrics, bool SentenceLevel, string? Model, string? Sources,
        string? Test, string? LanguagePair, bool ByDocument, string? DocumentIds);

    private static EvaluationReport Evaluate(Request request, Func<string, ISegmentTranslator> loadEngine, CancellationToken cancellation)
    {
        var metrics = Metrics.Parse(request.Metrics);
        if ((request.Hypotheses is null) == (request.Model is null))
        {
            throw new TarjamaException("give either --hyp FILE (score translations) or --model FOLDER (translate, then score)");
        }
        var testSet = LoadTestSet(request);
        var settings = new EvaluationSettings(metrics, request.SentenceLevel, DocumentIdsOf(request, testSet));
        return request.Hypotheses is { } hypotheses
            ? ScoreHypotheses(request, hypotheses, testSet, settings)
            : TranslateAndScore(request, request.Model!, testSet, settings, loadEngine, cancellation);
    }

    private static EvaluationReport ScoreHypotheses(Request request, string hypotheses, TestSet? testSet, EvaluationSettings settings)
    {
        if (request.Sources is not null)
        {
            throw new TarjamaException("--src is for --model; --hyp scores translations that already exist");
        }
        var references = testSet is null ? ReadReferences(request) : References.FromStreams([testSet.Side(TargetLanguage(request, testSet))]);
        return HypothesisScorer.Score(TextFiles.ReadSegments(hypotheses), references, settings);
    }

    private static EvaluationReport TranslateAndScore(
        Request request, string model, TestSet? testSet, EvaluationSettings settings, Func<string, ISegmentTranslator> loadEngine,
        CancellationToken cancellation)
    {
        if (request.LanguagePair is not null)
        {
            throw new TarjamaException("--lang-pair is for --hyp; --model translates in the model's direction (--from, --to for NLLB and M2M100)");
        }
        if (testSet is null && request.Sources is null)
        {
            throw new TarjamaException("give the text to translate with --src FILE, or a --test set");
        }
        // Files are read before the engine loads, so that a mistyped path fails at once.
        var references = testSet is null ? ReadReferences(request) : null;
        var sources = request.Sources is { } file ? TextFiles.ReadLines(file) : null;
        var translator = loadEngine(model);
        try
        {
            return new TranslationEvaluation(translator).Evaluate(
                sources ?? testSet!.Side(translator.SourceLanguage),
                references ?? References.FromStreams([testSet!.Side(translator.TargetLanguage)]),
                settings,
                cancellation);
        }
        finally
        {
            (translator as IDisposable)?.Dispose();
        }
    }

    private static TestSet? LoadTestSet(Request request)
    {
        if (request.Test is not { } name)
        {
            return null;
        }
        if (request.References.Length > 0 || request.Sources is not null)
        {
            throw new TarjamaException("--test gives the source and the references: drop --src and --ref");
        }
        string dataFolder = TestSets.FindDataFolder(Environment.GetEnvironmentVariable(TestSets.DataVariable));
        return TestSets.Load(name, dataFolder);
    }

    private static IReadOnlyList<string>? DocumentIdsOf(Request request, TestSet? testSet)
    {
        if (request.DocumentIds is { } file)
        {
            return TextFiles.ReadSegments(file);
        }
        if (!request.ByDocument)
        {
            return null;
        }
        return testSet?.DocumentIds
            ?? throw new TarjamaException("--by-document needs documents: give --doc-ids FILE, or --test ntrex128");
    }

    private static References ReadReferences(Request request)
    {
        if (request.References.Length == 0)
        {
            throw new TarjamaException("give the references with --ref FILE (repeat it for several), or a --test set");
        }
        var streams = request.References.Select(TextFiles.ReadSegments).ToList();
        for (int i = 1; i < streams.Count; i++)
        {
            if (streams[i].Count != streams[0].Count)
            {
                throw new TarjamaException(
                    $"{request.References[i]} has {streams[i].Count} lines but {request.References[0]} has {streams[0].Count}");
            }
        }
        return References.FromStreams(streams);
    }

    // The language the translations are in, from --lang-pair ("ar-en" gives "en").
    private static string TargetLanguage(Request request, TestSet testSet) => request.LanguagePair switch
    {
        "ar-en" => "en",
        "en-ar" => "ar",
        null => throw new TarjamaException($"--hyp with --test {testSet.Name} needs --lang-pair ar-en or en-ar: which language are the translations in?"),
        var other => throw new TarjamaException($"--lang-pair {other}: choose ar-en or en-ar"),
    };
}
