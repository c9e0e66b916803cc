using System.Collections.Concurrent;
using System.Text.Json;
using Hall.TestSupport.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hall.QueueService.Tests.RatingUpload;

/// <summary>
/// A stand-in provincial 好差评 platform on real Kestrel: takes <c>POST /ratings</c> with an <c>Idempotency-Key</c>,
/// records every try, and fails the first <see cref="FailFirstTries"/> tries of each key: odd ones with 500, even ones
/// by dropping the connection without an answer.
/// </summary>
public sealed class RatingReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _triesByKey = new();

    private RatingReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public int FailFirstTries { get; set; }

    public ConcurrentQueue<ReceivedRecord> Tries { get; } = new();

    /// <summary>The records taken (answered 2xx), in order of arrival.</summary>
    public IReadOnlyList<ReceivedRecord> Taken => Tries.Where(t => t.Accepted).ToList();

    public static async Task<RatingReceiver> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new RatingReceiver(app, url + "/ratings");
        app.MapPost("/ratings", async (HttpContext http) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            var key = http.Request.Headers["Idempotency-Key"].ToString();
            var tries = receiver._triesByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
            var accepted = tries > receiver.FailFirstTries;
            receiver.Tries.Enqueue(new ReceivedRecord(key, body, accepted));
            if (!accepted && tries % 2 == 0)
            {
                http.Abort();   // no answer at all
                return Results.Empty;
            }
            return accepted ? Results.Ok(new { id = key }) : Results.StatusCode(500);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One POST the receiver got.</summary>
public sealed record ReceivedRecord(string Key, JsonElement Body, bool Accepted)
{
    public string Kind => Body.GetProperty("kind").GetString()!;

    public string Text(string name) => Body.GetProperty(name).GetString()!;
}
