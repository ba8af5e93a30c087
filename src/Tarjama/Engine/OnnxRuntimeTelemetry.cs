using System.Runtime.InteropServices;

namespace Tarjama.Engine;

/// <summary>ONNX Runtime's official builds collect usage telemetry on Linux and macOS too since 1.29: a device id and
/// events (process, sessions, models, errors) kept under <c>~/.cache/Microsoft/DeveloperTools/.onnxruntime</c> and
/// uploaded to Microsoft when the machine is online. Nothing may leave the machine, so it is switched off before the
/// runtime's environment exists, by its opt-out variable: the runtime API alone still lets the first event go
/// (<see cref="OnnxEnvironment"/> turns the events off too).</summary>
internal static class OnnxRuntimeTelemetry
{
    // 1.29–1.31 read the first, later releases the second; either is harmless to the other. Set in this process's
    // managed environment too, so the programs it starts (the benchmark's transformers.js) inherit them.
    private static readonly string[] OptOuts = ["ORT_DISABLE_TELEMETRY", "ORT_TELEMETRY_DISABLED"];

    /// <summary>Switches the telemetry off for this process; call before the runtime's environment is created.</summary>
    public static void TurnOff()
    {
        foreach (var name in OptOuts)
        {
            Environment.SetEnvironmentVariable(name, "1");
            // .NET keeps its own copy of the environment on Unix; the runtime reads the C library's.
            if (!OperatingSystem.IsWindows())
            {
                _ = SetNativeVariable(name, "1", overwrite: 1);
            }
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetNativeVariable([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
