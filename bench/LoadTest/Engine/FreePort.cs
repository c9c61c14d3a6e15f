using System.Net;
using System.Net.Sockets;

namespace Reservations.LoadTest.Engine;

internal static class FreePort
{
    /// <summary>A loopback port the OS just handed out and released; another process could take it, but rarely does.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
