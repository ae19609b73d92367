using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PatientFlow.AppHost.Infrastructure;

/// <summary>Picks a free loopback TCP port.</summary>
internal static class FreePort
{
    // Below Linux's ephemeral range (32768+), so an outgoing connection cannot take the port
    // between our probe and the server binding it.
    private const int First = 20000;
    private const int Last = 32000;

    // A port handed out once is not handed out again by this process, even before its server binds it.
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (IsFree(port) && HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port found between {First} and {Last}.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
