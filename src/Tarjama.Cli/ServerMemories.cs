using System.CommandLine;
using Tarjama.Memory;
using Tarjama.Server;

namespace Tarjama.Cli;

/// <summary><c>serve --tm [PAIR=]FILE</c> (server-wide memories), <c>--tm-fuzzy</c>, and <c>--tm-edits FILE</c> (the
/// memory POST /tm/entries stores post-edits in).</summary>
internal sealed class ServerMemories
{
    private readonly MemoryOptions _memory = new();

    private readonly Option<string[]> _files = new("--tm")
    {
        HelpName = "[PAIR=]FILE",
        Description = "Server-wide translation memory (repeatable; looked up in order): a file made by tarjama tm add (every pair it holds), or TMX, bilingual JSONL or XLIFF read at start; ar-en=FILE for one direction",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> _edits = new("--tm-edits")
    {
        HelpName = "FILE",
        Description = "Memory (SQLite, created when missing) that POST /tm/entries stores editors' post-edits in (needs --api-keys); looked up before --tm",
    };

    public static ServerMemories AddTo(Command command)
    {
        var options = new ServerMemories();
        command.Options.Add(options._files);
        command.Options.Add(options._memory.Fuzzy);
        command.Options.Add(options._edits);
        return options;
    }

    /// <summary>Opens the memories for the served directions; dispose the result when the server has stopped.</summary>
    /// <exception cref="TarjamaException">A memory that cannot be opened, a pair no model serves, or a JSONL or XLIFF
    /// file without a pair on a server of several directions.</exception>
    public Opened Open(ParseResult parse, IReadOnlyList<ISegmentTranslator> translators)
    {
        double fuzzy = _memory.ReadFuzzy(parse);
        var pairs = translators.Select(t => (t.SourceLanguage, t.TargetLanguage)).Distinct().ToList();
        var opened = new List<(string? Pair, TranslationMemory Memory)>();
        TranslationMemory? edits = null;
        try
        {
            foreach (var (pair, path) in (parse.GetValue(_files) ?? []).Select(ServerGlossaries.Split))
            {
                var served = pairs.Where(p => pair is null || $"{p.SourceLanguage}-{p.TargetLanguage}" == pair).ToList();
                if (served.Count == 0)
                {
                    throw new TarjamaException($"--tm {pair}={path}: no model serves {pair}");
                }
                opened.Add((pair, BilingualFiles.IsBilingual(path) ? ReadBilingual(pair, path, served) : TranslationMemory.OpenToRead(path)));
            }
            edits = parse.GetValue(_edits) is { } file ? TranslationMemory.Open(file, create: true) : null;
            return new Opened(new ServerMemory(opened, edits, fuzzy), [.. opened.Select(m => m.Memory), .. edits is null ? [] : new[] { edits }]);
        }
        catch
        {
            opened.ForEach(m => m.Memory.Dispose());
            throw;
        }
    }

    /// <summary>A TMX file is read for every served direction (its units name their languages); JSONL and XLIFF, for
    /// the one direction named or served.</summary>
    private static TranslationMemory ReadBilingual(string? pair, string path, List<(string SourceLanguage, string TargetLanguage)> served)
    {
        if (served.Count > 1 && !Path.GetExtension(path).Equals(".tmx", StringComparison.OrdinalIgnoreCase))
        {
            throw new TarjamaException($"--tm {path}: name the direction it translates (--tm {served[0].SourceLanguage}-{served[0].TargetLanguage}={path}): the server serves several");
        }
        var memory = TranslationMemory.InMemory(path);
        try
        {
            foreach (var (source, target) in served)
            {
                memory.Add(BilingualFiles.Read(path, source, target), source, target);
            }
            return memory;
        }
        catch
        {
            memory.Dispose();
            throw;
        }
    }

    /// <summary>The server's memory, and the memories to close when it stops.</summary>
    internal sealed class Opened(ServerMemory memory, List<TranslationMemory> owned) : IDisposable
    {
        public ServerMemory Memory { get; } = memory;

        public void Dispose() => owned.ForEach(m => m.Dispose());
    }
}
