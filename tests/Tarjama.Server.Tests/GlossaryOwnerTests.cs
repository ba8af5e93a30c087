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
        _server = await RunningServer.Start(new ServerSettings { ApiKeysFile = _keys }, _model);
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
