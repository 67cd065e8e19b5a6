using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

/// <summary>
/// A lean HTTP/1.1 client for the measured workload, so that the load generator spends as little CPU per request as
/// possible: one persistent keep-alive TCP connection (Nagle off), each POST composed from pre-encoded bytes in a reusable
/// buffer and written with one send, the answer parsed in place from a reusable receive buffer (status line, headers,
/// body framed by Content-Length or chunked transfer coding). One request at a time per connection. When the server
/// closes the connection (Connection: close, or end of stream), the next request opens a new one; a request whose answer
/// did not arrive completely fails with an <see cref="IOException"/> and is not retried (a POST is not idempotent).
/// </summary>
internal sealed class HttpConnection : IDisposable
{
    /// <summary>A request without a complete answer after this long fails (the socket is closed under it).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const int MinReceive = 1024;
    private const int MaxHead = 64 * 1024;

    private readonly IPEndPoint _endPoint;
    private readonly byte[] _headers;
    private readonly Timer _watchdog;
    private byte[] _send = new byte[2048];
    private byte[] _receive = new byte[16 * 1024];
    private byte[] _chunked = new byte[4 * 1024];
    private int _receiveStart;
    private int _receiveEnd;
    private byte[] _body = [];
    private int _bodyOffset;
    private int _bodyLength;
    private bool _closeAfter;
    private Socket? _socket;
    private long _busySince;
    private volatile bool _timedOut;

    /// <param name="baseUri">The server, <c>http://&lt;IP address&gt;:&lt;port&gt;/</c>.</param>
    /// <param name="bearerToken">Sent as <c>Authorization: Bearer</c> with every request.</param>
    public HttpConnection(Uri baseUri, string bearerToken)
    {
        _endPoint = new IPEndPoint(IPAddress.Parse(baseUri.Host), baseUri.Port);
        _headers = Encoding.ASCII.GetBytes(
            $"Host: {baseUri.Authority}\r\nAuthorization: Bearer {bearerToken}\r\nContent-Type: application/json\r\nContent-Length: ");
        _watchdog = new Timer(static state => ((HttpConnection)state!).Watch(), this, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    /// <summary>TCP connections opened so far (1 while the server keeps the connection alive).</summary>
    public int Connections { get; private set; }

    /// <summary>The body of the last answer (chunked bodies already decoded); valid until the next request.</summary>
    public ReadOnlySpan<byte> Body => _body.AsSpan(_bodyOffset, _bodyLength);

    /// <summary>The start of the last answer's body as text, for error reports (allocates; not for the hot path).</summary>
    public string BodyText(int maxBytes = 300) => Encoding.UTF8.GetString(Body[..Math.Min(_bodyLength, maxBytes)]);

    /// <summary>Sends <c>POST path</c> with a JSON body and reads the answer; returns its status code.</summary>
    /// <param name="path">The request target, from the leading <c>/</c>.</param>
    /// <param name="json">The UTF-8 JSON body.</param>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> PostAsync(ReadOnlyMemory<byte> path, ReadOnlyMemory<byte> json)
    {
        var length = WriteRequest(path.Span, json.Span);
        _receiveStart = _receiveEnd = 0;
        _bodyLength = 0;
        _timedOut = false;
        Volatile.Write(ref _busySince, Stopwatch.GetTimestamp());
        try
        {
            var socket = _socket ?? await ConnectAsync();
            for (var sent = 0; sent < length;)
            {
                sent += await socket.SendAsync(_send.AsMemory(sent, length - sent), SocketFlags.None);
            }

            int status;
            while (true)
            {
                int headEnd;
                while ((headEnd = HeadEnd()) < 0)
                {
                    Received(await socket.ReceiveAsync(FreeSpace(), SocketFlags.None));
                }

                status = ParseHead(headEnd, out var contentLength, out var chunked);
                if (status is >= 100 and < 200)
                {
                    continue; // an interim answer (100 Continue and the like); the final one follows
                }

                if (status is 204 or 304)
                {
                    SetBody(_receive, _receiveStart, 0);
                }
                else if (chunked)
                {
                    var decoded = 0;
                    while (true)
                    {
                        int lineEnd;
                        while ((lineEnd = LineEnd()) < 0)
                        {
                            Received(await socket.ReceiveAsync(FreeSpace(), SocketFlags.None));
                        }

                        var size = ChunkSize(lineEnd);
                        if (size == 0)
                        {
                            break;
                        }

                        while (_receiveEnd - _receiveStart < size + 2)
                        {
                            Received(await socket.ReceiveAsync(FreeSpace(), SocketFlags.None));
                        }

                        decoded = AppendChunk(decoded, size);
                    }

                    // The trailer section: header lines up to an empty line.
                    while (true)
                    {
                        int lineEnd;
                        while ((lineEnd = LineEnd()) < 0)
                        {
                            Received(await socket.ReceiveAsync(FreeSpace(), SocketFlags.None));
                        }

                        var empty = lineEnd == _receiveStart;
                        _receiveStart = lineEnd + 2;
                        if (empty)
                        {
                            break;
                        }
                    }

                    SetBody(_chunked, 0, decoded);
                }
                else if (contentLength >= 0)
                {
                    while (_receiveEnd - _receiveStart < contentLength)
                    {
                        Received(await socket.ReceiveAsync(FreeSpace(), SocketFlags.None));
                    }

                    SetBody(_receive, _receiveStart, (int)contentLength);
                    _receiveStart += (int)contentLength;
                }
                else
                {
                    // Neither framing: the body runs until the server closes the connection.
                    int received;
                    while ((received = await socket.ReceiveAsync(FreeSpace(), SocketFlags.None)) > 0)
                    {
                        _receiveEnd += received;
                    }

                    SetBody(_receive, _receiveStart, _receiveEnd - _receiveStart);
                    _receiveStart = _receiveEnd;
                    _closeAfter = true;
                }

                break;
            }

            // Bytes after a complete answer to the only request in flight mean the stream is out of step: start afresh.
            if (_closeAfter || _receiveStart != _receiveEnd)
            {
                Close();
            }

            return status;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Close();
            throw new IOException(_timedOut ? $"no complete answer within {Timeout.TotalSeconds:F0} s" : ex.Message, ex);
        }
        catch (IOException)
        {
            Close();
            throw;
        }
        finally
        {
            Volatile.Write(ref _busySince, 0);
        }
    }

    public void Dispose()
    {
        _watchdog.Dispose();
        Close();
    }

    private async ValueTask<Socket> ConnectAsync()
    {
        var socket = new Socket(_endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket = socket; // before connecting, so that the watchdog can abort a connect that hangs
        Connections++;
        await socket.ConnectAsync(_endPoint);
        return socket;
    }

    private void Close()
    {
        Interlocked.Exchange(ref _socket, null)?.Dispose();
    }

    private void Watch()
    {
        var since = Volatile.Read(ref _busySince);
        if (since != 0 && Stopwatch.GetElapsedTime(since) > Timeout)
        {
            _timedOut = true;
            Volatile.Read(ref _socket)?.Dispose();
        }
    }

    /// <summary>Composes the request (request line, headers, body) in the send buffer; returns its length.</summary>
    private int WriteRequest(ReadOnlySpan<byte> path, ReadOnlySpan<byte> json)
    {
        var needed = "POST "u8.Length + path.Length + " HTTP/1.1\r\n"u8.Length + _headers.Length + 11 + "\r\n\r\n"u8.Length + json.Length;
        if (_send.Length < needed)
        {
            _send = new byte[Math.Max(needed, _send.Length * 2)];
        }

        var span = _send.AsSpan();
        var at = Append(span, 0, "POST "u8);
        at = Append(span, at, path);
        at = Append(span, at, " HTTP/1.1\r\n"u8);
        at = Append(span, at, _headers);
        json.Length.TryFormat(span[at..], out var written, default, CultureInfo.InvariantCulture);
        at = Append(span, at + written, "\r\n\r\n"u8);
        return Append(span, at, json);
    }

    private static int Append(Span<byte> destination, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[at..]);
        return at + bytes.Length;
    }

    /// <summary>Room at the end of the receive buffer: unread bytes move to the front, and the buffer grows when that is not enough.</summary>
    private Memory<byte> FreeSpace()
    {
        if (_receive.Length - _receiveEnd < MinReceive)
        {
            if (_receiveStart > 0)
            {
                _receive.AsSpan(_receiveStart, _receiveEnd - _receiveStart).CopyTo(_receive);
                _receiveEnd -= _receiveStart;
                _receiveStart = 0;
            }

            if (_receive.Length - _receiveEnd < MinReceive)
            {
                Array.Resize(ref _receive, _receive.Length * 2);
            }
        }

        return _receive.AsMemory(_receiveEnd);
    }

    private void Received(int count)
    {
        if (count == 0)
        {
            throw new IOException("the server closed the connection before the answer was complete");
        }

        _receiveEnd += count;
    }

    private void SetBody(byte[] buffer, int offset, int length)
    {
        _body = buffer;
        _bodyOffset = offset;
        _bodyLength = length;
    }

    /// <summary>The index just after the CRLFCRLF that ends the head, or -1 while it has not been received yet.</summary>
    private int HeadEnd()
    {
        var unread = _receive.AsSpan(_receiveStart, _receiveEnd - _receiveStart);
        var at = unread.IndexOf("\r\n\r\n"u8);
        if (at < 0 && unread.Length > MaxHead)
        {
            throw new IOException($"no end of the response head within {MaxHead} bytes");
        }

        return at < 0 ? -1 : _receiveStart + at + 4;
    }

    /// <summary>The index of the CR of the next CRLF in the unread bytes, or -1 while it has not been received yet.</summary>
    private int LineEnd()
    {
        var at = _receive.AsSpan(_receiveStart, _receiveEnd - _receiveStart).IndexOf("\r\n"u8);
        return at < 0 ? -1 : _receiveStart + at;
    }

    /// <summary>Parses the status line and the headers that matter here (names case-insensitive); consumes the head.</summary>
    private int ParseHead(int headEnd, out long contentLength, out bool chunked)
    {
        var head = _receive.AsSpan(_receiveStart, headEnd - 2 - _receiveStart); // every line, each with its CRLF
        _receiveStart = headEnd;
        var lineLength = head.IndexOf("\r\n"u8);
        var line = head[..lineLength];
        // HTTP/1.x SSS reason
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[8] != (byte)' '
            || !int.TryParse(line.Slice(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new IOException($"not an HTTP/1.x status line: {Encoding.ASCII.GetString(line)}");
        }

        _closeAfter = line[7] == (byte)'0'; // HTTP/1.0 closes unless it says keep-alive
        contentLength = -1;
        chunked = false;
        for (head = head[(lineLength + 2)..]; !head.IsEmpty; head = head[(lineLength + 2)..])
        {
            lineLength = head.IndexOf("\r\n"u8);
            line = head[..lineLength];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw new IOException($"malformed header line: {Encoding.ASCII.GetString(line)}");
            }

            var name = line[..colon].Trim(" \t"u8);
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out contentLength) || contentLength > int.MaxValue / 2)
                {
                    throw new IOException($"bad Content-Length: {Encoding.ASCII.GetString(value)}");
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // The last coding decides; with chunked it frames the body (and wins over any Content-Length).
                chunked = value.Length >= 7 && Ascii.EqualsIgnoreCase(value[^7..], "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                foreach (var range in value.Split((byte)','))
                {
                    var option = value[range].Trim(" \t"u8);
                    if (Ascii.EqualsIgnoreCase(option, "close"u8))
                    {
                        _closeAfter = true;
                    }
                    else if (Ascii.EqualsIgnoreCase(option, "keep-alive"u8))
                    {
                        _closeAfter = false;
                    }
                }
            }
        }

        return status;
    }

    /// <summary>Parses a chunk-size line (hex, optional extensions after ';') ending at <paramref name="lineEnd"/>; consumes it.</summary>
    private int ChunkSize(int lineEnd)
    {
        var line = _receive.AsSpan(_receiveStart, lineEnd - _receiveStart);
        var semicolon = line.IndexOf((byte)';');
        var digits = (semicolon < 0 ? line : line[..semicolon]).Trim(" \t"u8);
        if (!int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0 || size > int.MaxValue / 2)
        {
            throw new IOException($"bad chunk size: {Encoding.ASCII.GetString(line)}");
        }

        _receiveStart = lineEnd + 2;
        return size;
    }

    /// <summary>Appends the buffered chunk data (and checks its CRLF) to the decoded body; returns the body's new length.</summary>
    private int AppendChunk(int decoded, int size)
    {
        if (_chunked.Length < decoded + size)
        {
            Array.Resize(ref _chunked, Math.Max(decoded + size, _chunked.Length * 2));
        }

        _receive.AsSpan(_receiveStart, size).CopyTo(_chunked.AsSpan(decoded));
        if (!_receive.AsSpan(_receiveStart + size, 2).SequenceEqual("\r\n"u8))
        {
            throw new IOException("chunk data not followed by CRLF");
        }

        _receiveStart += size + 2;
        return decoded + size;
    }
}
