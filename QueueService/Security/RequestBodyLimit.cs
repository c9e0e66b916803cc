using Hall.QueueService.Api;
using Hall.QueueService.Security.RateLimiting;
using Microsoft.AspNetCore.Http.Features;

namespace Hall.QueueService.Security;

/// <summary>
/// JSON bodies on <c>/api</c> are at most 64 KB (413 otherwise, before anything is read, stored or logged). The
/// administrator's whole hall file (<c>PUT /api/admin/hall</c>) and a hall's uplink batch to its city
/// (<c>POST /api/uplink/events</c>, up to 5 000 events) may be larger: <see cref="MaxHallFileBytes"/>.
/// A body without <c>Content-Length</c> is cut off at the same limit while it is read.
/// </summary>
public static class RequestBodyLimit
{
    public const long MaxJsonBytes = 64 * 1024;
    public const long MaxHallFileBytes = 4 * 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            await next(http);
            return;
        }
        var large = (http.Request.Path.StartsWithSegments("/api/admin/hall") && HttpMethods.IsPut(http.Request.Method))
            || (http.Request.Path.StartsWithSegments("/api/uplink/events") && HttpMethods.IsPost(http.Request.Method));
        var limit = large ? MaxHallFileBytes : MaxJsonBytes;
        if (http.Request.ContentLength > limit)
        {
            http.RequestServices.GetRequiredService<LimitCounters>().Hit("bodyTooLarge");
            await TooLarge(http, limit);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        else
        {
            http.Request.Body = new LimitedReadStream(http.Request.Body, limit);
        }
        await next(http);
    });

    public static Task TooLarge(HttpContext http, long limit)
    {
        return HallProblemResults.WriteAsync(http, QueueProblems.RequestTooLarge(limit / 1024).Problem);
    }

    /// <summary>Refuses (413) once more than the limit has been read; for servers without a body-size feature.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                throw new BadHttpRequestException($"The request body is larger than {limit / 1024} KB.", StatusCodes.Status413PayloadTooLarge);
            }
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
