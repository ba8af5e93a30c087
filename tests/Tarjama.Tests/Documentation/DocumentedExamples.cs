using Tarjama.Decoding;
using Tarjama.Documents;
using Tarjama.Hub;
using Tarjama.Memory;
using Tarjama.Models;
using Tarjama.Quality;
using Tarjama.Terminology;
using Tarjama.Text;
using Tarjama.Translation;

namespace Tarjama.Tests.Documentation;

/// <summary>The C# examples of the documentation, each between <c>// &lt;FILE#N&gt;</c> and <c>// &lt;/FILE#N&gt;</c> (the
/// N-th csharp block of FILE) exactly as the file shows it, so that they compile; what an example takes from its
/// surroundings (a stream, a translator) is a parameter. <see cref="DocumentedExamplesTests"/> compares them with the
/// files and runs the library's.</summary>
internal static class DocumentedExamples
{
    /// <summary>docs/library.md's example, its model (nllb-200-distilled-600M in q8 there) given.</summary>
    public static async Task<(IReadOnlyList<TranslationResult> Results, string Arabic)> Library(string modelName, ModelDtype dtype)
    {
        // <docs/library.md#1>
        // A catalogue name, a Hub repository (Xenova/nllb-200-distilled-600M) or a folder; pulled into the Hugging Face
        // cache on first use unless HF_HUB_OFFLINE=1.
        using var model = await Translator.OpenAsync(modelName, new TranslatorOptions { DType = dtype });

        // Texts, with the pair and decoding options of this call (the model's generation_config.json gives the rest).
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var results = await model.TranslateAsync(
            ["الطقس جميل اليوم", "ازيك عامل ايه؟"],
            new TranslationOptions
            {
                SourceLanguage = "arz",      // ISO 639-1/639-3 or the model's own code (arz_Arab)
                TargetLanguage = "en",
                Generation = new GenerationOverrides { NumBeams = 4, NumReturnSequences = 3, MaxNewTokens = 128 },
            },
            cancel.Token);
        foreach (var result in results)
        {
            Console.WriteLine(result.Translation);                       // the best hypothesis
            foreach (var alternative in result.Alternatives)              // the n-best list's others, best first
            {
                Console.WriteLine($"  {alternative.Translation} ({alternative.Score:F3})");
            }
        }

        // A whole document (text, Markdown or HTML), structure kept, in the pair of this call.
        var document = new DocumentTranslator(model.With(new TranslationOptions { SourceLanguage = "en", TargetLanguage = "ar" }));
        string arabic = await Task.Run(() => document.Translate("# Weather\n\nIt is sunny today.", DocumentFormat.Markdown, cancel.Token));
        // </docs/library.md#1>
        return (results, arabic);
    }

    public static string Documents(ISegmentTranslator segmentTranslator, Translator model, Stream inputStream, TextWriter outputWriter,
        IProgress<DocumentProgress> progress, CancellationToken cancellationToken)
    {
        // <docs/documents.md#1>
        var translator = new DocumentTranslator(segmentTranslator, new DocumentTranslationOptions
        {
            Format = DocumentFormat.Markdown,            // null: detect
            Bilingual = null,                            // or BilingualFormat.Jsonl / Tmx / Html
            Normalization = new TextNormalizationOptions(Enabled: true, StripDiacritics: false),
            Verbatim = ["Tarjama"],
            SegmentLengthLimit = new SegmentLengthLimit(200, text => model.Family.Encode(text).Length), // 200 tokens; default: 400 characters
        });
        translator.Translate(inputStream, "article.md", outputWriter, progress, cancellationToken);
        string html = translator.Translate("<p>...</p>", DocumentFormat.Html);
        // </docs/documents.md#1>
        return html;
    }

    public static string ExtractAndMerge(string html, DocumentTranslationOptions options, string modelOutput)
    {
        // <docs/documents.md#2>
        ExtractedDocument document = DocumentExtractor.Extract(html, DocumentFormat.Html, "ar", "en", options);
        foreach (ExtractedSegment segment in document.Segments)
        {
            // segment.Id ("p3s1": block 3, sentence 1; the same for the same document and options), segment.Source (plain text),
            // segment.SourceParts (text and InlineCode ids), segment.Codes, segment.ModelInput ("قال [1] المصدر [2] ..."), segment.Translatable
        }
        MergedDocument merged = document.Merge(new Dictionary<string, SegmentTarget>
        {
            ["p3s1"] = SegmentTarget.FromModel(modelOutput),                       // placeholders restored, punctuation styled
            ["p4s0"] = SegmentTarget.FromParts([SegmentPart.OfText("The "), SegmentPart.OfCode(1), SegmentPart.OfText("source"), SegmentPart.OfCode(2)]), // an editor's, as written
        });
        string translated = merged.Render();   // merged.Segments: target, origin, notes; merged.Issues: inline codes moved/dropped/duplicated
        // </docs/documents.md#2>
        return translated;
    }

    public static void Memory(ISegmentTranslator model, TextWriter writer)
    {
        // <docs/memory.md#1>
        using var memory = TranslationMemory.Open("desk.tm", create: true);
        memory.Add([("قتل ٣ أشخاص.", "3 people were killed.")], "ar", "en");
        memory.Lookup("قتل ٥ أشخاص.", "ar", "en", fuzzyThreshold: 0.75);    // [MemoryMatch(1, "قتل ٣ أشخاص.", "5 people were killed.")]
        new DocumentTranslator(model, new DocumentTranslationOptions { Memories = [memory], FuzzyThreshold = 0.8 });
        new MemoryTranslator(model, [memory]);                               // sentence-level: exact matches, else the model
        MemoryExport.WriteTmx(memory, writer, "ar", "en");
        // </docs/memory.md#1>
    }

    public static string Models(string modelArgument)
    {
        // <docs/models.md#1>
        var options = new ModelResolveOptions { Hub = HubSettings.FromEnvironment(), Dtype = ModelDtype.Fp32 };
        string folder = ModelResolver.ResolveModelDirectory(modelArgument, options);   // folder, name or owner/name
        string encoder = Path.Combine(folder, ModelFiles.Encoder(options.Dtype));       // onnx/encoder_model.onnx
        // </docs/models.md#1>
        return encoder;
    }

    public static async Task<IReadOnlyList<string>> Server()
    {
        // <docs/server.md#1>
        using var model = Translator.Load("path/to/opus-mt-ar-en");
        using var batching = BatchingTranslator.For(model, new BatchingOptions { MaxBatchSize = 16, MaxWait = TimeSpan.FromMilliseconds(50), MaxQueuedSegments = 256 });
        batching.BatchTranslated += report => Console.WriteLine($"{report.Segments} segments, {report.GeneratedTokens} tokens");
        IReadOnlyList<string> english = await batching.TranslateAsync(["مرحبا بالعالم"]);   // from any number of threads
        // </docs/server.md#1>
        return english;
    }

    public static DocumentTranslator Terminology()
    {
        // <docs/terminology.md#1>
        var glossary = GlossaryReader.Load(["syria.ar-en.tsv"], "ar", "en");
        var terms = new TermMatcher(glossary);
        using var engine = Translator.Load("models/opus-mt-ar-en");   // a model folder
        var quality = new SegmentQualityChecker("ar", "en", terms);
        var documents = new DocumentTranslator(new GlossaryTranslator(engine, terms), new DocumentTranslationOptions { Quality = quality });
        // </docs/terminology.md#1>
        return documents;
    }
}
