using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gongjian.Bench;

/// <summary>
/// A loopback TCP relay in front of one Azurite endpoint that counts the storage requests passing
/// through it by kind (<see cref="StorageRequestKind"/>). Requests are read only as far as their
/// head and Content-Length (bytes are forwarded unchanged, so signatures still hold); answers are
/// copied back untouched. A chunked request body ends the counting for its connection.
/// </summary>
public sealed class CountingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly string _service, _prefix;
    private readonly int _upstreamPort;
    private readonly Task _accepting;

    public CountingRelay(string service, int upstreamPort, string prefix)
    {
        (_service, _upstreamPort, _prefix) = (service, upstreamPort, prefix);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Dictionary<string, long> Snapshot() => new(_counts);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => RelayAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var upstream = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
            var fromClient = client.GetStream();
            var toServer = upstream.GetStream();
            var answers = toServer.CopyToAsync(fromClient, _stop.Token);
            await Task.WhenAny(ForwardRequestsAsync(fromClient, toServer), answers);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    private async Task ForwardRequestsAsync(Stream from, Stream to)
    {
        var buffer = new byte[64 * 1024];
        int start = 0, end = 0;
        while (true)
        {
            int headEnd;
            while ((headEnd = buffer.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (start > 0) { Buffer.BlockCopy(buffer, start, buffer, 0, end - start); end -= start; start = 0; }
                if (end == buffer.Length) { Count("unparsed"); await to.WriteAsync(buffer.AsMemory(0, end)); await from.CopyToAsync(to); return; }
                var read = await from.ReadAsync(buffer.AsMemory(end), _stop.Token);
                if (read == 0) return;
                end += read;
            }
            var headLength = headEnd + 4;
            var head = Encoding.ASCII.GetString(buffer, start, headLength);
            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var kind = requestLine.Length >= 2 ? StorageRequestKind.Of(_service, requestLine[0], requestLine[1], _prefix) : "unparsed";
            // A batch names its table only inside its body: counted once the body's start has been seen.
            var batch = kind == "table batch" ? new MemoryStream() : null;
            if (batch is null) Count(kind);
            long body = 0;
            var chunked = false;
            foreach (var line in lines.Skip(1))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) body = long.Parse(line.AsSpan(15).Trim());
                if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked", StringComparison.OrdinalIgnoreCase)) chunked = true;
            }
            var buffered = Math.Min(body, end - start - headLength);
            batch?.Write(buffer, start + headLength, (int)Math.Min(buffered, BatchPeek));
            await to.WriteAsync(buffer.AsMemory(start, headLength + (int)buffered), _stop.Token);
            start += headLength + (int)buffered;
            if (chunked) { if (batch is not null) Count(kind); await to.WriteAsync(buffer.AsMemory(start, end - start)); await from.CopyToAsync(to); return; }
            for (var left = body - buffered; left > 0;)
            {
                var read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(left, buffer.Length)), _stop.Token);
                if (read == 0) { if (batch is not null) Count(kind); return; }
                if (batch is not null && batch.Length < BatchPeek) batch.Write(buffer, 0, (int)Math.Min(read, BatchPeek - batch.Length));
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                left -= read;
            }
            if (batch is not null) Count(StorageRequestKind.OfBatch(batch.ToArray(), _prefix));
            if (start == end) start = end = 0;
        }
    }

    /// <summary>How much of a batch's body is kept to find its table (the first inner request is at its start).</summary>
    private const int BatchPeek = 4096;

    private void Count(string kind) => _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
