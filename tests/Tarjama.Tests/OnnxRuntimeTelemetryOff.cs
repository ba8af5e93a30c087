using System.Runtime.CompilerServices;

namespace Tarjama.Tests;

/// <summary>Some tests open ONNX Runtime sessions themselves, before any of the library's: its telemetry is switched
/// off for the whole test process first, as the library does for its own.</summary>
internal static class OnnxRuntimeTelemetryOff
{
    [ModuleInitializer]
    internal static void TurnOff() => Tarjama.Engine.OnnxRuntimeTelemetry.TurnOff();
}
