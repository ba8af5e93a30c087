using System.Diagnostics;
using StackExchange.Redis;
using Tarjama.Jobs;
using Tarjama.Testing;

namespace Tarjama.Server.Tests;

/// <summary>A real <c>redis-server</c> (no persistence) on a free loopback port for one test, killed when disposed.</summary>
internal sealed class LocalRedis : IDisposable
{
    private readonly Process _server;

    public LocalRedis()
    {
        Port = LoopbackPort.Unused();
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--requirepass", Password, "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(arg);
        }
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { }; // drained, so its log never blocks it
        _server.BeginOutputReadLine();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                Connection = RedisQueueKeys.Connect(Url);
                break;
            }
            catch (TarjamaException) when (waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                Thread.Sleep(100);
            }
        }
    }

    public int Port { get; }

    /// <summary>This server's password: a worker left over from another test cannot join a later Redis on the same port.</summary>
    public string Password { get; } = Guid.NewGuid().ToString("N");

    public string Url => $"redis://:{Password}@127.0.0.1:{Port}";

    public ConnectionMultiplexer Connection { get; }

    public void Dispose()
    {
        Connection.Dispose();
        _server.Kill();
        _server.WaitForExit();
        _server.Dispose();
    }
}
