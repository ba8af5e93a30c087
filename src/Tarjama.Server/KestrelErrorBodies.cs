using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace Tarjama.Server;

/// <summary>Gives the answers Kestrel writes by itself, before any request reaches the app (400 for a malformed request
/// line or header, 408 when headers come too slowly, 414 for a long target, 431 for large headers), the service's JSON
/// error body: Kestrel sends them empty and offers no hook, so a connection's output is watched for them.</summary>
/// <remarks>Only a flush written while the app holds no request on the connection, that is one whole empty answer with
/// one of those codes, is rewritten; everything else passes through as written. The body is in the shape of the API
/// the refused request line names (DeepL's under /v2...), as the connection's input is watched for request lines.</remarks>
internal static class KestrelErrorBodies
{
    private const string AppRequestKey = "tarjama.app-request";
    private const string TargetKey = "tarjama.request-target";

    /// <summary>Enough of a request line to tell its method and the start of its path.</summary>
    private const int RequestLineHead = 64;

    private static readonly Dictionary<int, string> Messages = new()
    {
        [400] = "Invalid request: malformed HTTP request line or headers",
        [408] = "Request timed out: the headers came too slowly",
        [414] = "Invalid request: the request target is too long",
        [431] = "Invalid request: the request headers are too large",
    };

    /// <summary>The connection middleware: wraps the connection's input and output.</summary>
    public static Func<ConnectionDelegate, ConnectionDelegate> Watch => next => connection =>
    {
        var transport = connection.Transport;
        connection.Transport = new WatchedPipe(new Reader(transport.Input, connection.Items), new Writer(transport.Output, connection.Items));
        return next(connection);
    };

    /// <summary>The HTTP middleware: marks the connection busy with an app request until its answer is sent.</summary>
    public static Task MarkAppRequest(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IConnectionItemsFeature>()?.Items is { } items)
        {
            items[AppRequestKey] = true;
            items.Remove(TargetKey); // the app answers this one; a refused request after it names its own target
            context.Response.OnCompleted(() =>
            {
                items.Remove(AppRequestKey);
                return Task.CompletedTask;
            });
        }
        return next(context);
    }

    /// <summary>The JSON answer for an empty one of Kestrel's, or null to pass it through.</summary>
    /// <param name="target">The path the refused request line named, when one was seen.</param>
    private static byte[]? Rewrite(ReadOnlySpan<byte> written, PathString target)
    {
        if (written.Length > 4096 || !written.StartsWith("HTTP/1.1 "u8) || !written.EndsWith("\r\n\r\n"u8)
            || written.IndexOf("\r\nContent-Length: 0\r\n"u8) < 0
            || !int.TryParse(written.Slice(9, 3), out int status) || !Messages.TryGetValue(status, out var message))
        {
            return null;
        }
        string head = Encoding.ASCII.GetString(written[..^2]).Replace("\r\nContent-Length: 0\r\n", "\r\n", StringComparison.Ordinal);
        object error = ErrorEdge.Body(target, status, message);
        byte[] body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(error, error.GetType(), ServerJson.Options));
        return [.. Encoding.ASCII.GetBytes($"{head}Content-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];
    }

    /// <summary>The path of a request line at the start of <paramref name="head"/> ("GET /v2/usage HTTP/1.1"), cut where
    /// the head ends; empty for anything else (headers, a body, garbage).</summary>
    private static PathString TargetOf(ReadOnlySpan<byte> head)
    {
        int method = 0;
        while (method < head.Length && head[method] is >= (byte)'A' and <= (byte)'Z')
        {
            method++;
        }
        if (method == 0 || method + 1 >= head.Length || head[method] != ' ' || head[method + 1] != '/')
        {
            return PathString.Empty;
        }
        var target = head[(method + 1)..];
        int end = target.IndexOfAny(" ?"u8);
        return new PathString(Encoding.ASCII.GetString(end < 0 ? target : target[..end]));
    }

    /// <summary>Notes the target of each request line Kestrel reads while the app holds no request.</summary>
    private sealed class Reader(PipeReader inner, IDictionary<object, object?> items) : PipeReader
    {
        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) => Note(await inner.ReadAsync(cancellationToken));

        public override bool TryRead(out ReadResult result)
        {
            bool read = inner.TryRead(out result);
            if (read)
            {
                Note(result);
            }
            return read;
        }

        private ReadResult Note(ReadResult result)
        {
            if (!items.ContainsKey(AppRequestKey) && !result.Buffer.IsEmpty)
            {
                Span<byte> head = stackalloc byte[RequestLineHead];
                var start = result.Buffer.Slice(0, Math.Min(result.Buffer.Length, RequestLineHead));
                start.CopyTo(head);
                if (TargetOf(head[..(int)start.Length]) is { HasValue: true } target)
                {
                    items[TargetKey] = target;
                }
            }
            return result;
        }

        public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }

    private sealed class WatchedPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>Collects each flush's bytes, then writes them (or their rewrite) to the connection.</summary>
    private sealed class Writer(PipeWriter inner, IDictionary<object, object?> items) : PipeWriter
    {
        private readonly ArrayBufferWriter<byte> _pending = new();

        public override void Advance(int bytes) => _pending.Advance(bytes);

        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _pending.WrittenCount;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            var written = _pending.WrittenSpan;
            var replacement = items.ContainsKey(AppRequestKey) ? null : Rewrite(written, items.TryGetValue(TargetKey, out var target) ? (PathString)target! : PathString.Empty);
            inner.Write(replacement ?? written);
            _pending.ResetWrittenCount();
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            if (_pending.WrittenCount > 0)
            {
                inner.Write(_pending.WrittenSpan);
            }
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            if (_pending.WrittenCount > 0)
            {
                await inner.WriteAsync(_pending.WrittenMemory);
            }
            await inner.CompleteAsync(exception);
        }
    }
}
