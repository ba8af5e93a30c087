using System.Diagnostics;
using System.Text.Json;
using Tarjama.Models;

namespace Tarjama.Cli;

/// <summary>Runs <paramref name="script"/>, <c>tools/transformersjs/bench.mjs</c> (<see cref="FindScript"/>;
/// transformers.js on onnxruntime-node), on the same inputs and the same files (<paramref name="dtype"/>'s, named as
/// both engines name them); <paramref name="languages"/> is the pair in the family's codes for NLLB and M2M100 models,
/// which transformers.js takes as <c>src_lang</c>/<c>tgt_lang</c>.</summary>
internal sealed class TransformersJsBench(string script, string model, ModelDtype dtype, int batchSize, int maxNewTokens, int threads, LanguagePair? languages)
{
    public BenchFigures Measure(IReadOnlyList<string> sentences)
    {
        string inputs = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(inputs, sentences);
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in Arguments(inputs))
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

    /// <summary>node's command line for the inputs in the file <paramref name="inputs"/>.</summary>
    internal IEnumerable<string> Arguments(string inputs)
    {
        string[] pair = languages is { } p ? ["--src-lang", p.Source, "--tgt-lang", p.Target] : [];
        return new[] { script, "--model", Path.GetFullPath(model), "--inputs", inputs, "--batch-size", $"{batchSize}", "--max-new-tokens", $"{maxNewTokens}", "--threads", $"{threads}", "--dtype", dtype.Name() }.Concat(pair);
    }

    /// <summary>The bench script in this checkout, refused while transformers.js is not installed beside it.</summary>
    public static string FindScript()
    {
        string relative = Path.Combine("tools", "transformersjs", "bench.mjs");
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
