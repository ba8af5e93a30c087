using Microsoft.ML.OnnxRuntime;

namespace Tarjama.Engine;

/// <summary>An inference session whose runs are timed into the engine's statistics.</summary>
internal sealed class OnnxSession(InferenceSession session, EngineStatistics statistics) : IDisposable
{
    // Run-time failures come back as exceptions; ONNX Runtime's own log line on stderr would only repeat them.
    private readonly RunOptions _options = new() { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };

    public IReadOnlyDictionary<string, NodeMetadata> InputMetadata => session.InputMetadata;

    /// <summary>Runs the graph; the caller owns the returned values (disposing the collection disposes them all).</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames) =>
        statistics.Measure(() => session.Run(_options, inputNames, inputs, outputNames));

    public void Dispose()
    {
        _options.Dispose();
        session.Dispose();
    }
}
