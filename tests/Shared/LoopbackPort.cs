using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tarjama.Testing;

/// <summary>A loopback port for a server a test starts itself (redis-server). A port from binding port 0 is an
/// ephemeral one, which the kernel also gives the local end of outgoing connections: with tests connecting all the
/// while, one can take it between our check and the server's bind, and the server exits ("Address already in use").
/// So the port comes from below the ephemeral range, where only a listener can hold it.</summary>
internal static class LoopbackPort
{
    private const int Lowest = 10_000;

    /// <summary>A port nothing is bound to (now), outside the ephemeral range where the system says what it is.</summary>
    public static int Unused()
    {
        int below = EphemeralStart();
        for (int attempt = 0; below > Lowest + 1000 && attempt < 100; attempt++)
        {
            int port = Random.Shared.Next(Lowest, below);
            if (Free(port))
            {
                return port;
            }
        }
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static bool Free(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Linux's range, "32768\t60999"; elsewhere the IANA dynamic range's start.
    private static int EphemeralStart()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(Range) && int.TryParse(File.ReadAllText(Range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out int start)
            ? start
            : 49152;
    }
}
