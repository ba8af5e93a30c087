using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Tarjama.Conversion.Onnx;

namespace Tarjama.Engine;

/// <summary>Opens ONNX files as inference sessions, turning a corrupt or unreadable file into a clear error.</summary>
internal static class OnnxSessionLoader
{
    public static OnnxSession Open(string path, EngineOptions options, EngineStatistics statistics) =>
        Create(path, options, statistics, settings => new InferenceSession(path, settings));

    /// <summary>Opens a decoder graph with its output projection cut off (<see cref="DecoderHead"/>), run apart as
    /// <see cref="OutputProjection"/>; the graph whole, and no projection, when it does not end in one or
    /// <see cref="EngineOptions.FullLogits"/> asks for every logit.</summary>
    public static (OnnxSession Session, OutputProjection? Projection) OpenDecoder(string path, EngineOptions options, EngineStatistics statistics)
    {
        var model = options.FullLogits ? null : Parse(path);
        var head = model is null ? null : DecoderHead.TryCut(model);
        if (head is null)
        {
            return (Open(path, options, statistics), null);
        }
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        // A graph with its weights inline (opus-mt's, 200 MB) goes through a temporary file rather than a byte array,
        // and its parsed copy is collected first: three copies of the weights at once would show in peak memory.
        string temporary = Path.Combine(Path.GetTempPath(), $"tarjama-decoder-{Guid.NewGuid():N}.onnx");
        try
        {
            if (!TryWrite(model!, temporary))
            {
                // No room or no right to write there: the graph runs whole, every logit computed, as before the cut.
                return (Open(path, options, statistics), null);
            }
            model = null;
            GC.Collect();
            var session = Create(path, options, statistics, settings => new InferenceSession(temporary, WeightsIn(settings, folder)));
            return (session, new OutputProjection(head, folder, options, statistics));
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool TryWrite(ModelProto model, string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            model.WriteTo(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The graph at <paramref name="path"/>; null when it cannot be opened or protobuf cannot read it, which is then left to ONNX
    /// Runtime, whose error names what is wrong.</summary>
    internal static ModelProto? Parse(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return ModelProto.Parser.ParseFrom(stream);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Opens a model built or edited in memory, whose external weights (if any) lie in <paramref name="folder"/>.</summary>
    public static OnnxSession Open(byte[] model, string description, string folder, EngineOptions options, EngineStatistics statistics) =>
        Create(description, options, statistics, settings => new InferenceSession(model, WeightsIn(settings, folder)));

    /// <summary>Where a model that is not read from its own folder finds its external weights.</summary>
    private static SessionOptions WeightsIn(SessionOptions settings, string folder)
    {
        settings.AddSessionConfigEntry("session.model_external_initializers_file_folder_path", folder);
        return settings;
    }

    private static OnnxSession Create(string description, EngineOptions options, EngineStatistics statistics, Func<SessionOptions, InferenceSession> open)
    {
        int threads = options.ThreadCount;
        bool shared = OnnxEnvironment.SharesPool(threads); // before the first SessionOptions, which would create the environment
        using var settings = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            // ONNX Runtime would print its own coloured error and warning lines on stderr besides the exception each
            // failure raises, which the engine reports in one line of its own.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        if (shared)
        {
            settings.DisablePerSessionThreads();
        }
        else
        {
            // A pool of its own: its idle workers sleep, since spinning ones would take the cycles of the other pools'.
            settings.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        }
        try
        {
            return new OnnxSession(open(settings), statistics);
        }
        catch (OnnxRuntimeException e)
        {
            throw new TarjamaException($"{description}: not a loadable ONNX model ({FirstLine(e.Message)})", e);
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
