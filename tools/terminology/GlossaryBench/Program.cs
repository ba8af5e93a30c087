using System.Diagnostics;
using Tarjama.Decoding;
using Tarjama.Terminology;
using Tarjama.Translation;

// Translates a document with no glossary term, without and with a glossary, alternating runs in one process (so
// loading and machine noise weigh alike on both), and prints each run, and the ratios of the medians and of the fastest
// runs (on a shared, busy machine the fastest run is the one least disturbed).
// Usage: GlossaryBench MODEL DOCUMENT GLOSSARY [RUNS] [BEAMS]
string model = args[0], document = args[1], glossaryPath = args[2];
int runs = args.Length > 3 ? int.Parse(args[3]) : 7;
int beams = args.Length > 4 ? int.Parse(args[4]) : 4;
using var engine = Translator.Load(model, new TranslatorOptions { Generation = new GenerationOverrides { NumBeams = beams, MaxNewTokens = 64 } });
var terms = new TermMatcher(GlossaryReader.Load([glossaryPath], engine.SourceLanguage, engine.TargetLanguage));
var lines = File.ReadAllLines(document).Where(line => line.Trim().Length > 0).ToList();
if (lines.Any(line => terms.Match(line).Count > 0))
{
    throw new InvalidOperationException("the document holds a glossary term");
}
var withGlossary = new GlossaryTranslator(engine, terms);
var plain = engine.Translate(lines);
if (!plain.SequenceEqual(withGlossary.Translate(lines)))
{
    throw new InvalidOperationException("translations differ with the glossary");
}
var (without, with) = (new List<double>(), new List<double>());
for (int run = 0; run < runs; run++)
{
    without.Add(Time(() => engine.Translate(lines)));
    with.Add(Time(() => withGlossary.Translate(lines)));
}
double matching = Time(() =>
{
    for (int i = 0; i < 100; i++)
    {
        lines.ForEach(line => terms.Match(line));
    }
}) / 100;
Console.WriteLine($"{lines.Count} lines, {terms.Glossary.Entries.Count} entries, {beams} beams, {runs} runs each");
Console.WriteLine($"without glossary: {string.Join(" ", without.Select(s => s.ToString("0.000")))} s, median {Median(without):0.000} s");
Console.WriteLine($"with glossary:    {string.Join(" ", with.Select(s => s.ToString("0.000")))} s, median {Median(with):0.000} s");
Console.WriteLine($"matching the glossary on the whole document: {matching * 1000:0.00} ms");
Console.WriteLine($"ratio (with / without): medians {Median(with) / Median(without):0.000}, fastest runs {with.Min() / without.Min():0.000}");

static double Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalSeconds;
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
