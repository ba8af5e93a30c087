using Microsoft.ML.OnnxRuntime;

namespace Tarjama.Engine;

/// <summary>ONNX Runtime's environment, created once per process with one intra-op thread pool that the sessions share.
/// A translation alternates sessions every step (the decoder, then greedy's int8 screen; the encoder between batches):
/// with a pool per session, each pool's workers wait for work the others are doing, and on a small machine a waiting
/// worker either spins on the core the running session needs or, asleep, costs a wake-up per operator. One pool whose
/// workers spin serves each session's operators as they come (NLLB-600M's shape, 2 cores, greedy: 19% less time at
/// batch 1, 7% at batch 16; BENCHMARKS.md).</summary>
internal static class OnnxEnvironment
{
    private static readonly Lock Gate = new();
    private static int _sharedThreads;

    /// <summary>Creates the environment if no session has yet, its pool of <paramref name="threads"/> threads; whether a
    /// session of <paramref name="threads"/> threads runs on that pool (one asking another count gets its own).</summary>
    public static bool SharesPool(int threads)
    {
        lock (Gate)
        {
            if (!OrtEnv.IsCreated)
            {
                OnnxRuntimeTelemetry.TurnOff(); // read when the environment is created
                var environment = new EnvironmentCreationOptions
                {
                    logId = "tarjama",
                    logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
                    threadOptions = new OrtThreadingOptions { GlobalIntraOpNumThreads = threads, GlobalInterOpNumThreads = 1, GlobalSpinControl = true },
                };
                OrtEnv.CreateInstanceWithOptions(ref environment).DisableTelemetryEvents(); // what Windows builds (ETW) go by
                _sharedThreads = threads;
            }
            return threads == _sharedThreads;
        }
    }
}
