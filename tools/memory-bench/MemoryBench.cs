#:project ../../src/Tarjama/Tarjama.csproj
// Builds a translation memory of N synthetic segments (default 1,000,000) and measures lookup latency (exact and fuzzy)
// and the overhead memory adds to document translation. Usage: dotnet run tools/memory-bench/MemoryBench.cs [N] [db] [lookups] [reuse]
// (reuse: measure on the db a run with the same N built, without building it again)
using System.Diagnostics;
using Tarjama;
using Tarjama.Documents;
using Tarjama.Memory;

int count = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
string database = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"tarjama-bench-{count}.db");
int queries = args.Length > 2 ? int.Parse(args[2]) : 2000;
bool reuse = args.Length > 3 && args[3] == "reuse" && File.Exists(database);
var random = new Random(12);
var vocabulary = Vocabulary(random);
string Sentence(Random r, int words)
{
    var picked = new List<string>();
    for (int w = 0; w < words; w++)
    {
        picked.Add(w == words / 2 && r.Next(3) == 0 ? r.Next(2, 5000).ToString() : vocabulary[Zipf(r, vocabulary.Length)]);
    }
    return string.Join(' ', picked) + ".";
}
var sources = Enumerable.Range(0, count).Select(_ => Sentence(random, random.Next(6, 25))).ToList();
Console.WriteLine($"memory: {count:N0} segments, vocabulary {vocabulary.Length:N0} words (Zipf), 6-24 words a segment; {Environment.ProcessorCount} cores");
if (!reuse)
{
    File.Delete(database);
    var clock = Stopwatch.StartNew();
    using (var build = TranslationMemory.Open(database, create: true))
    {
        foreach (var chunk in sources.Chunk(100_000))
        {
            build.Add(chunk.Select(s => (s, "T " + s)), "ar", "en");
        }
    }
    Console.WriteLine($"build: {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:N0} segments/s), file {new FileInfo(database).Length / 1e6:F0} MB");
}
using var memory = TranslationMemory.Open(database, create: false);
string Edited(string source, Random r)
{
    var words = source.TrimEnd('.').Split(' ');
    words[r.Next(words.Length)] = vocabulary[r.Next(vocabulary.Length)];
    return string.Join(' ', words) + ".";
}
void Measure(string name, Func<int, string> query)
{
    var times = new List<double>();
    int found = 0;
    for (int i = 0; i < queries; i++)
    {
        var text = query(i);
        var watch = Stopwatch.StartNew();
        found += memory.Lookup(text, "ar", "en", 0.75).Count > 0 ? 1 : 0;
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{name}: {queries} lookups, found {found}, p50 {times[queries / 2]:F2} ms, p99 {times[(int)(queries * 0.99)]:F2} ms, max {times[^1]:F2} ms");
}
var lookups = new Random(7);
Measure("exact (stored segments)", i => sources[lookups.Next(count)]);
Measure("fuzzy (one word changed)", i => Edited(sources[lookups.Next(count)], lookups));
Measure("miss (new segments)", i => Sentence(lookups, lookups.Next(6, 25)));
var document = string.Join('\n', Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? sources[lookups.Next(count)] : Sentence(lookups, lookups.Next(6, 25))));
var identity = new Identity();
double Time(DocumentTranslationOptions options)
{
    new DocumentTranslator(identity, options).Translate(document, DocumentFormat.Text);
    var watch = Stopwatch.StartNew();
    new DocumentTranslator(identity, options).Translate(document, DocumentFormat.Text);
    return watch.Elapsed.TotalMilliseconds;
}
double without = Time(new DocumentTranslationOptions { Bilingual = BilingualFormat.Jsonl });
double with = Time(new DocumentTranslationOptions { Bilingual = BilingualFormat.Jsonl, Memories = [memory] });
Console.WriteLine($"document of 100 segments (half in memory), model stand-in: {without:F0} ms without memory, {with:F0} ms with: {(with - without) / 100:F2} ms a segment for memory");

static int Zipf(Random random, int n) => Math.Min(n - 1, (int)Math.Floor(Math.Pow(n + 1, random.NextDouble())) - 1);

static string[] Vocabulary(Random random)
{
    const string letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
    var words = new HashSet<string>(File.ReadAllText(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "../../tests/fixtures/documents/syria-russia-visit.ar.txt"))
        .Split(default(char[]), StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter)));
    while (words.Count < 50_000)
    {
        words.Add(new string([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => letters[random.Next(letters.Length)])]));
    }
    return [.. words];
}

/// <summary>The model's stand-in: gives the input back, so the time measured is Tarjama's own.</summary>
internal sealed class Identity : ISegmentTranslator
{
    public string SourceLanguage => "ar";

    public string TargetLanguage => "en";

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) => segments;
}
