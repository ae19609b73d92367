using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PatientFlow.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Which fuzzed requests went over which connection, in order, what came back on the wire for each (the status line,
/// whether the server said <c>Connection: close</c>) and how the connection ended. A request that got no answer is
/// explained by its own refusal or by what the request before it on the same connection left behind.
/// </summary>
internal sealed class ConnectionLog
{
    /// <summary>The header that marks a request with its index in the plan, so the connection it went over is known.</summary>
    public const string IndexHeader = "X-Fuzz-Index";

    private static readonly byte[] Marker = Encoding.ASCII.GetBytes(IndexHeader + ": ");
    private static readonly byte[] StatusLine = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] CloseHeader = "\r\nConnection: close\r\n"u8.ToArray();

    private readonly ConcurrentDictionary<int, Connection> _connections = new();
    private readonly ConcurrentDictionary<int, Connection> _connectionOfRequest = new();
    private int _nextConnection;

    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>: a socket whose traffic is followed.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new Connection(Interlocked.Increment(ref _nextConnection), (IPEndPoint)socket.LocalEndPoint!, this);
        _connections[connection.Id] = connection;
        return new FollowedStream(new NetworkStream(socket, ownsSocket: true), connection);
    }

    /// <summary>What the wire says about a request: its connection, and what happened before and after it there.</summary>
    public string Explain(int index)
    {
        if (!_connectionOfRequest.TryGetValue(index, out var connection))
        {
            return "it never reached a connection";
        }

        lock (connection)
        {
            var position = connection.Exchanges.FindIndex(e => e.Index == index);
            var own = connection.Exchanges[position];
            var before = position > 0 ? connection.Exchanges[position - 1] : null;
            return $"connection {connection.Id} (port {connection.LocalPort}), exchange {position + 1} of {connection.Exchanges.Count}: " +
                $"{own.Describe()}; before it: {before?.Describe() ?? "none (a new connection)"}; the connection ended: {connection.End ?? "open"}";
        }
    }

    private void Carried(int index, Connection connection) => _connectionOfRequest[index] = connection;

    private sealed class Exchange(int index)
    {
        public int Index { get; } = index;

        public int BytesSent { get; set; }

        public string? Status { get; set; }

        public bool Close { get; set; }

        public string Describe() => $"#{Index} ({BytesSent} bytes sent, {(Status is null ? "no status line read" : $"answered {Status}")}{(Close ? ", Connection: close" : "")})";
    }

    private sealed class Connection(int id, IPEndPoint local, ConnectionLog log)
    {
        public int Id { get; } = id;

        public int LocalPort { get; } = local.Port;

        public List<Exchange> Exchanges { get; } = [];

        public string? End { get; set; }

        private Exchange? Current => Exchanges.Count > 0 ? Exchanges[^1] : null;

        private bool _reading;

        public void Wrote(ReadOnlySpan<byte> bytes)
        {
            lock (this)
            {
                var at = bytes.IndexOf(Marker);
                if (at >= 0)
                {
                    var start = at + Marker.Length;
                    var end = bytes[start..].IndexOf((byte)'\r');
                    if (end > 0 && int.TryParse(Encoding.ASCII.GetString(bytes.Slice(start, end)), out var index))
                    {
                        Exchanges.Add(new Exchange(index));
                        log.Carried(index, this);
                        _reading = false;
                    }
                }

                if (Current is { } current)
                {
                    current.BytesSent += bytes.Length;
                }
            }
        }

        public void Read(ReadOnlySpan<byte> bytes)
        {
            lock (this)
            {
                if (Current is not { } current)
                {
                    return;
                }

                if (!_reading && bytes.StartsWith(StatusLine) && bytes.Length >= StatusLine.Length + 3)
                {
                    current.Status = Encoding.ASCII.GetString(bytes.Slice(StatusLine.Length, 3));
                    // An interim 100 Continue: the final status line follows.
                    _reading = current.Status != "100";
                }

                if (bytes.IndexOf(CloseHeader) >= 0)
                {
                    current.Close = true;
                }
            }
        }

        public void Ended(string how)
        {
            lock (this)
            {
                End ??= $"{how} after #{Current?.Index.ToString() ?? "-"}";
            }
        }
    }

    /// <summary>The connection's stream, telling its <see cref="Connection"/> what is written and read.</summary>
    private sealed class FollowedStream(NetworkStream inner, Connection connection) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                var read = await inner.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    connection.Ended("closed by the server (FIN)");
                }

                connection.Read(buffer.Span[..read]);
                return read;
            }
            catch (IOException exception)
            {
                connection.Ended($"read failed: {exception.InnerException?.Message ?? exception.Message}");
                throw;
            }
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            connection.Wrote(buffer.Span);
            try
            {
                await inner.WriteAsync(buffer, cancellationToken);
            }
            catch (IOException exception)
            {
                connection.Ended($"write failed: {exception.InnerException?.Message ?? exception.Message}");
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                connection.Ended("closed by the client");
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
