using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tarjama.Server.Tests;

/// <summary><c>tarjama serve</c> as a user runs it: a separate process, stopped by SIGTERM.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Sigterm_finishes_the_requests_in_flight_then_exits_cleanly()
    {
        var jobs = Directory.CreateTempSubdirectory("tarjama-sigterm-jobs-");
        using var owner = new ServeProcess(Start("serve", "--model", TestModels.Tiny, "--port", "0", "--threads", "1", "--batch-size", "2", "--jobs-dir", jobs.FullName));
        var serve = owner.Process;
        var address = await AddressOf(serve);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        // Distinct texts without digits, so none is translated once for all (repeats are, and numbers are kept verbatim).
        string[] words = ["خبر", "عاجل", "اليوم", "مدينة", "رئيس", "حكومة", "سوق", "نفط"];
        string texts = JsonSerializer.Serialize(Enumerable.Range(0, 48).Select(i => $"{words[i % 8]} {words[i / 8 % 8]} {words[i / 64 % 8]} الجديد"));
        var inFlight = client.PostAsync("/translate", new StringContent($$"""{"q": {{texts}}, "source": "ar", "target": "en"}""", Encoding.UTF8, "application/json"));
        await WaitUntilQueued(client);
        Assert.False(inFlight.IsCompleted);
        using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var response = await inFlight;
        Assert.Equal(200, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(48, body.RootElement.GetProperty("translatedText").GetArrayLength());
        Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(30)), "serve did not exit");
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains("tarjama: stopped", await serve.StandardError.ReadToEndAsync());
        jobs.Delete(recursive: true);
    }

    [Fact]
    public async Task Wrong_options_are_one_clear_line_and_exit_code_2()
    {
        using var owner = new ServeProcess(Start("serve", "--model", TestModels.Tiny, "--require-api-key"));
        var serve = owner.Process;
        string error = await serve.StandardError.ReadToEndAsync();
        await serve.WaitForExitAsync();
        Assert.Equal(2, serve.ExitCode);
        Assert.Equal("tarjama: error: --require-api-key needs --api-keys FILE", error.Trim());
    }

    /// <summary>A serve process, killed when the test ends if it is still running.</summary>
    internal sealed class ServeProcess(Process process) : IDisposable
    {
        public Process Process { get; } = process;

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
            Process.Dispose();
        }
    }

    internal static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, StandardErrorEncoding = Encoding.UTF8 };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tarjama.Cli.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        return Process.Start(start)!;
    }

    internal static async Task<Uri> AddressOf(Process serve)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await serve.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ServingLine().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }
        throw new InvalidOperationException("serve exited before listening");
    }

    /// <summary>Waits until the engine is busy with the request, so SIGTERM lands while it is in flight.</summary>
    private static async Task WaitUntilQueued(HttpClient client)
    {
        for (int i = 0; i < 1000; i++)
        {
            using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
            if (health.RootElement.GetProperty("queuedSegments").GetInt32() > 0)
            {
                return;
            }
            await Task.Delay(2);
        }
        Assert.Fail("the request never reached the queue");
    }

    [GeneratedRegex(@"^tarjama: serving .+ on (http://\S+)")]
    private static partial Regex ServingLine();
}
