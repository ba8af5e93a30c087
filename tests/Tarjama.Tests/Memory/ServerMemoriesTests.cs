using System.CommandLine;
using Tarjama.Cli;
using Tarjama.Memory;
using Tarjama.Tests.Documents;

namespace Tarjama.Tests.Memory;

/// <summary><c>serve --tm [PAIR=]FILE --tm-edits FILE</c> read into the server's memory for the served directions.</summary>
public sealed class ServerMemoriesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-server-tm-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ServerMemories.Opened Open(params string[] args)
    {
        var command = new Command("serve");
        var options = ServerMemories.AddTo(command);
        return options.Open(command.Parse(args), [new FunctionTranslator(s => s, "ar", "en"), new FunctionTranslator(s => s, "en", "ar")]);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_tmx_serves_both_directions_and_edits_come_first()
    {
        string tmx = Write("desk.tmx", """
            <tmx version="1.4"><header srclang="ar"/><body>
            <tu><tuv xml:lang="ar"><seg>الأخبار</seg></tuv><tuv xml:lang="en"><seg>The news</seg></tuv></tu>
            </body></tmx>
            """);
        string edits = Path.Combine(_folder, "edits.tm");
        using var opened = Open("--tm", tmx, "--tm-edits", edits);
        Assert.True(File.Exists(edits));
        var arEn = opened.Memory.For("ar", "en");
        Assert.Equal([edits, tmx], arEn.Select(m => m.Name));
        Assert.Equal("The news", Assert.Single(arEn[1].Lookup("الأخبار", "ar", "en", 0.75)).Target);
        Assert.Equal("الأخبار", Assert.Single(opened.Memory.For("en", "ar")[1].Lookup("The news", "en", "ar", 0.75)).Target);
    }

    [Fact]
    public void A_pair_limits_a_file_to_one_direction()
    {
        string jsonl = Write("desk.jsonl", """{"source": "الأخبار", "target": "The news"}""" + "\n");
        using var opened = Open("--tm", $"ar-en={jsonl}");
        Assert.Single(opened.Memory.For("ar", "en"));
        Assert.Empty(opened.Memory.For("en", "ar"));
        Assert.Null(opened.Memory.Edits);
    }

    [Fact]
    public void Files_that_cannot_serve_are_clear_errors()
    {
        string jsonl = Write("desk.jsonl", """{"source": "الأخبار", "target": "The news"}""" + "\n");
        Assert.Equal($"--tm {jsonl}: name the direction it translates (--tm ar-en={jsonl}): the server serves several",
            Assert.Throws<TarjamaException>(() => Open("--tm", jsonl)).Message);
        Assert.Equal($"--tm en-fr={jsonl}: no model serves en-fr", Assert.Throws<TarjamaException>(() => Open("--tm", $"en-fr={jsonl}")).Message);
        Assert.Contains("no such translation memory", Assert.Throws<TarjamaException>(() => Open("--tm", Path.Combine(_folder, "none.tm"))).Message);
        Assert.Equal("--tm-fuzzy must be between 0.5 and 1 (got 0.2)", Assert.Throws<TarjamaException>(() => Open("--tm-fuzzy", "0.2")).Message);
    }
}
