using System.Text;
using System.Text.Json;

namespace Tarjama.Server.Tests;

/// <summary><c>tarjama serve --tm FILE --tm-edits FILE</c> as a user runs it: the TMX's exact matches answer, and a
/// post-edit sent back is the next translation.</summary>
public sealed class ServeMemoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-serve-memory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Serve_answers_from_its_memory_and_stores_post_edits()
    {
        string tmx = Path.Combine(_folder, "desk.tmx");
        File.WriteAllText(tmx, """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="ar" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/>
            <body><tu><tuv xml:lang="ar"><seg>قتل ٣ أشخاص.</seg></tuv><tuv xml:lang="en"><seg>3 people were killed.</seg></tuv></tu></body></tmx>
            """);
        string keys = Path.Combine(_folder, "keys");
        File.WriteAllLines(keys, [ApiKeys.Hash("editor-key")]);
        string edits = Path.Combine(_folder, "edits.tm");
        using var owner = new ServeCommandTests.ServeProcess(ServeCommandTests.Start("serve", "--model", TestModels.Tiny, "--port", "0", "--threads", "1",
            "--tm", tmx, "--tm-edits", edits, "--api-keys", keys));
        using var client = new HttpClient { BaseAddress = await ServeCommandTests.AddressOf(owner.Process), Timeout = TimeSpan.FromMinutes(1) };
        async Task<string> Translate(string text)
        {
            using var answer = await client.PostAsync("/translate", Json(new { q = text, source = "ar", target = "en" }));
            return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("translatedText").GetString()!;
        }
        Assert.Equal("7 people were killed.", await Translate("قتل ٧ أشخاص."));
        using (var stored = await client.PostAsync("/tm/entries", Json(new { api_key = "editor-key", source_lang = "ar", target_lang = "en", source = "الأخبار", target = "The news" })))
        {
            Assert.Equal(201, (int)stored.StatusCode);
        }
        Assert.Equal("The news", await Translate("الأخبار"));
        Assert.True(new FileInfo(edits).Length > 0);
    }

    [Fact]
    public async Task A_memory_for_a_pair_no_model_serves_is_one_clear_line_and_exit_code_2()
    {
        using var owner = new ServeCommandTests.ServeProcess(ServeCommandTests.Start("serve", "--model", TestModels.Tiny, "--port", "0", "--tm", "en-fr=desk.tmx"));
        string error = await owner.Process.StandardError.ReadToEndAsync();
        await owner.Process.WaitForExitAsync();
        Assert.Equal((2, "tarjama: error: --tm en-fr=desk.tmx: no model serves en-fr"), (owner.Process.ExitCode, error.Trim()));
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
