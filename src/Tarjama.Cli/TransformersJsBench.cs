using System.Diagnostics;
using System.Text.Json;
using Tarjama.Models;

namespace Tarjama.Cli;

/// <summary>Runs <c>tools/transformersjs/bench.mjs</c> (transformers.js on onnxruntime-node) on the same inputs;
/// <paramref name="languages"/> is the pair in the family's codes for NLLB and M2M100 models, which transformers.js
/// takes as <c>src_lang</c>/<c>tgt_lang</c>.</summary>
internal sealed class TransformersJsBench(string model, int batchSize, int maxNewTokens, int threads, LanguagePair? languages)
{
    private readonly string _script = RepositoryFile(Path.Combine("tools", "transformersjs", "bench.mjs"));

    public BenchFigures Measure(IReadOnlyList<string> sentences)
    {
        string inputs = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(inputs, sentences);
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            string[] pair = languages is { } p ? ["--src-lang", p.Source, "--tgt-lang", p.Target] : [];
            foreach (var arg in new[] { _script, "--model", Path.GetFullPath(model), "--inputs", inputs, "--batch-size", $"{batchSize}", "--max-new-tokens", $"{maxNewTokens}", "--threads", $"{threads}" }.Concat(pair))
            {
                start.ArgumentList.Add(arg);
            }
            using var node = Process.Start(start) ?? throw new TarjamaException("cannot start node");
            var stderr = node.StandardError.ReadToEndAsync();
            string stdout = node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            if (node.ExitCode != 0)
            {
                throw new TarjamaException($"transformers.js bench failed: {stderr.Result.Trim().Split('\n').LastOrDefault()}");
            }
            var root = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement;
            return new BenchFigures(root.GetProperty("seconds").GetDouble(), root.GetProperty("sentences").GetInt32(), root.GetProperty("generated_tokens").GetInt64());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TarjamaException($"node is needed to run the transformers.js peer ({e.Message}); or pass --reference none", e);
        }
        finally
        {
            File.Delete(inputs);
        }
    }

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                if (!Directory.Exists(Path.Combine(Path.GetDirectoryName(candidate)!, "node_modules")))
                {
                    throw new TarjamaException($"transformers.js is not installed: run tools/transformersjs/install.sh (or pass --reference none)");
                }
                return candidate;
            }
        }
        throw new TarjamaException($"{relative} not found above {AppContext.BaseDirectory}; pass --reference none");
    }
}
