using System.Net.Http.Headers;
using System.Text.Json;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>Stored glossaries on a server with API keys and the tiny real model: each belongs to the key that made it,
/// through both glossary APIs and everything that names a glossary.</summary>
public sealed class GlossaryOwnerTests : IAsyncLifetime
{
    private const string Owner = "owner-key", Other = "other-key";

    private readonly string _keys = Path.GetTempFileName();
    private Translator? _model;
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        File.WriteAllLines(_keys, [ApiKeys.Hash(Owner), ApiKeys.Hash(Other)]);
        _model = Translator.Load(TestModels.Tiny, new TranslatorOptions { Generation = new() { MaxNewTokens = 8 } });
        // Room in a body for glossaries large enough to fill a caller's share of entries.
        _server = await RunningServer.Start(new ServerSettings { ApiKeysFile = _keys, MaxBodyBytes = 4 << 20 }, _model);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _model!.Dispose();
        File.Delete(_keys);
    }

    [Fact]
    public async Task Another_key_can_neither_list_read_use_nor_delete_a_glossary()
    {
        var (made, deepL) = await RunningServer.Read(await Server.Client.SendAsync(DeepL(HttpMethod.Post, "/v2/glossaries", Owner,
            ("name", "names"), ("source_lang", "AR"), ("target_lang", "EN"), ("entries", "الشرع\tal-Shara\n"))));
        Assert.Equal(201, made);
        var (_, ours) = await RunningServer.Read(await Server.PostJson("/glossaries", JsonSerializer.Serialize(new
        {
            name = "places",
            source_lang = "ar",
            target_lang = "en",
            entries = "حميميم\tHmeimim\n",
            api_key = Owner,
        })));
        foreach (string id in new[] { deepL.GetProperty("glossary_id").GetString()!, ours.GetProperty("glossary_id").GetString()! })
        {
            var (_, listed) = await RunningServer.Read(await Server.Client.SendAsync(DeepL(HttpMethod.Get, "/v2/glossaries", Other)));
            Assert.Empty(listed.GetProperty("glossaries").EnumerateArray());
            await RunningServer.AssertDeepLError(await Server.Client.SendAsync(DeepL(HttpMethod.Get, $"/v2/glossaries/{id}/entries", Other)), 404, "Glossary not found.");
            await RunningServer.AssertError(await Server.Client.GetAsync($"/glossaries/{id}?api_key={Other}"), 404, $"glossary {id} not found");
            await RunningServer.AssertDeepLError(await Server.Client.SendAsync(DeepL(HttpMethod.Post, "/v2/translate", Other,
                ("text", "مرحبا"), ("source_lang", "AR"), ("target_lang", "EN-US"), ("glossary_id", id))), 404, "Glossary not found.");
            await RunningServer.AssertError(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = "مرحبا", source = "ar", target = "en", glossary_id = id, api_key = Other })),
                404, $"glossary {id} not found");
            await RunningServer.AssertDeepLError(await Server.Client.SendAsync(DeepL(HttpMethod.Delete, $"/v2/glossaries/{id}", Other)), 404, "Glossary not found.");

            // Its owner still has it, through either API.
            Assert.Equal(200, (await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = "مرحبا", source = "ar", target = "en", glossary_id = id, api_key = Owner })))).Status);
            var (_, own) = await RunningServer.Read(await Server.Client.SendAsync(DeepL(HttpMethod.Get, "/v2/glossaries", Owner)));
            Assert.Contains(own.GetProperty("glossaries").EnumerateArray(), g => g.GetProperty("glossary_id").GetString() == id);
        }
    }

    private const string ShareFull = "your glossaries are at one caller's share of the glossary store (100 glossaries, 100000 entries in all): delete one first";

    [Fact]
    public async Task A_key_that_fills_its_share_of_glossaries_leaves_room_for_other_keys_and_keyless_callers()
    {
        var ids = new List<string>();
        for (int i = 0; i < 100; i++)
        {
            var (status, made) = await Create(Owner, $"names {i}", "الشرع\tal-Shara\n");
            Assert.Equal(201, status);
            ids.Add(made.GetProperty("glossary_id").GetString()!);
        }
        await RunningServer.AssertError(await CreateRequest(Owner, "one more", "الشرع\tal-Shara\n"), 400, ShareFull);
        await RunningServer.AssertDeepLError(await Server.Client.SendAsync(DeepL(HttpMethod.Post, "/v2/glossaries", Owner,
            ("name", "one more"), ("source_lang", "AR"), ("target_lang", "EN"), ("entries", "الشرع\tal-Shara\n"))), 400, ShareFull);

        Assert.Equal(201, (await RunningServer.Read(await Server.Client.SendAsync(DeepL(HttpMethod.Post, "/v2/glossaries", Other,
            ("name", "names"), ("source_lang", "AR"), ("target_lang", "EN"), ("entries", "الشرع\tal-Shara\n"))))).Status);
        Assert.Equal(201, (await Create(null, "names", "الشرع\tal-Shara\n")).Status);

        // A glossary deleted makes room in its owner's share again.
        Assert.Equal(204, (int)(await Server.Client.SendAsync(DeepL(HttpMethod.Delete, $"/v2/glossaries/{ids[0]}", Owner))).StatusCode);
        Assert.Equal(201, (await Create(Owner, "one more", "الشرع\tal-Shara\n")).Status);
    }

    [Fact]
    public async Task A_key_that_fills_its_share_of_entries_leaves_room_for_other_keys()
    {
        string entries = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"term{i}\tTerm{i}\n"));
        Assert.Equal(201, (await Create(Owner, "first", entries)).Status);
        await RunningServer.AssertError(await CreateRequest(Owner, "second", entries), 400, ShareFull);
        Assert.Equal(201, (await Create(Other, "first", entries)).Status);
    }

    /// <summary>Stores a glossary through /glossaries with <paramref name="key"/> (none: a keyless caller).</summary>
    private async Task<(int Status, JsonElement Body)> Create(string? key, string name, string entries) => await RunningServer.Read(await CreateRequest(key, name, entries));

    private Task<HttpResponseMessage> CreateRequest(string? key, string name, string entries) =>
        Server.PostJson("/glossaries", JsonSerializer.Serialize(new { name, source_lang = "ar", target_lang = "en", entries, api_key = key }));

    /// <summary>A DeepL request with the key in DeepL's Authorization header.</summary>
    private static HttpRequestMessage DeepL(HttpMethod method, string path, string key, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(method, path) { Headers = { Authorization = new AuthenticationHeaderValue("DeepL-Auth-Key", key) } };
        if (fields.Length > 0)
        {
            request.Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        }
        return request;
    }
}
