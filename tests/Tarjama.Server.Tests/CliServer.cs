using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tarjama.Server.Tests;

/// <summary>The real <c>tarjama serve</c> in a process of its own, as a user runs it, with a client for its HTTP API;
/// killed (SIGKILL) when disposed if it still runs.</summary>
internal sealed partial class CliServer : IDisposable
{
    private readonly Process _process;

    private CliServer(Process process, Uri address)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(1) };
    }

    public HttpClient Client { get; }

    /// <summary>Starts serve on a free port and waits until it listens.</summary>
    public static async Task<CliServer> Start(params string[] args)
    {
        var process = Cli(["serve", "--port", "0", .. args]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ServingLine().Match(line) is { Success: true } match)
            {
                return new CliServer(process, new Uri(match.Groups[1].Value));
            }
        }
        process.Dispose();
        throw new InvalidOperationException("serve exited before listening");
    }

    /// <summary>The built CLI (<c>tarjama ARGS</c>) in a process of its own, its output and error redirected.</summary>
    public static Process Cli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, StandardErrorEncoding = System.Text.Encoding.UTF8 };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tarjama.Cli.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        return Process.Start(start)!;
    }

    /// <summary>Runs the CLI to its end; its exit code and what it wrote on standard error.</summary>
    public static async Task<(int ExitCode, string Stderr)> Run(params string[] args)
    {
        using var process = Cli(args);
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (process.ExitCode, await error);
    }

    /// <summary>SIGKILL: no handler runs, nothing is flushed or finished.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Submits a document as a job; its id.</summary>
    public async Task<string> Submit(string document, string name)
    {
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(document)) { Headers = { ContentType = MediaTypeHeaderValue.Parse("text/plain") } }, "file", name },
            { new StringContent("ar"), "source" },
            { new StringContent("en"), "target" },
        };
        using var response = await Client.PostAsync("/jobs", upload);
        Assert.Equal(202, (int)response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return job.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> Status(string id)
    {
        using var status = JsonDocument.Parse(await Client.GetStringAsync($"/jobs/{id}"));
        return status.RootElement.Clone();
    }

    /// <summary>Polls the job until <paramref name="until"/> holds of its status (or two minutes pass); that status.</summary>
    public async Task<JsonElement> WaitFor(string id, Func<JsonElement, bool> until)
    {
        var deadline = Stopwatch.StartNew();
        var status = await Status(id);
        while (!until(status) && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20);
            status = await Status(id);
        }
        return status;
    }

    /// <summary>The value of a metric series on /metrics, e.g. <c>tarjama_job_segments_total{backend="embedded"}</c>.</summary>
    public async Task<double> Metric(string series)
    {
        string metrics = await Client.GetStringAsync("/metrics");
        var line = metrics.Split('\n').Single(line => line.StartsWith(series + " ", StringComparison.Ordinal));
        return double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"^tarjama: serving .+ on (http://\S+)")]
    private static partial Regex ServingLine();
}
