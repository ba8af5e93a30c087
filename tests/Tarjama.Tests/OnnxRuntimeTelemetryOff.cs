using System.Runtime.CompilerServices;

namespace Tarjama.Tests;

/// <summary>Some tests open ONNX Runtime sessions themselves, before any of the library's: the runtime's environment is
/// created first for the whole test process, its telemetry off, as the library creates it for its own sessions.</summary>
internal static class OnnxRuntimeTelemetryOff
{
    [ModuleInitializer]
    internal static void TurnOff() => Tarjama.Engine.OnnxEnvironment.SharesPool(Environment.ProcessorCount);
}
