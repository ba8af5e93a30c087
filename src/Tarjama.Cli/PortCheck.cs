using System.Net;
using System.Net.Sockets;

namespace Tarjama.Cli;

/// <summary>Finds a port already in use before <c>serve</c> loads its models, so the user gets one clear line.</summary>
internal static class PortCheck
{
    /// <exception cref="TarjamaException">Another program listens on the port, or the address is not this machine's.</exception>
    public static void EnsureFree(IPAddress host, int port)
    {
        if (port == 0)
        {
            return;
        }
        var probe = new TcpListener(host, port);
        try
        {
            probe.Start();
        }
        catch (SocketException e)
        {
            throw new TarjamaException(e.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? $"port {port} on {host} is in use by another program: stop it, or choose another with --port"
                : $"cannot listen on {host}:{port} ({e.Message})", e);
        }
        finally
        {
            probe.Stop();
        }
    }
}
