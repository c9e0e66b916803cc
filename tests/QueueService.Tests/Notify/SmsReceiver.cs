using System.Collections.Concurrent;
using System.Text.Json;
using Hall.TestSupport.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hall.QueueService.Tests.Notify;

/// <summary>
/// A stand-in SMS gateway relay on real Kestrel: takes <c>POST /sms { phone, text }</c> with an <c>Idempotency-Key</c>,
/// records every try, and answers 500 to the first <see cref="FailFirstTries"/> tries of each key.
/// </summary>
public sealed class SmsReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _triesByKey = new();

    private SmsReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Tries per key answered 500 before the key is taken.</summary>
    public int FailFirstTries { get; set; }

    /// <summary>Every POST, in order of arrival.</summary>
    public ConcurrentQueue<ReceivedSms> Tries { get; } = new();

    /// <summary>The messages taken (answered 2xx), once per key.</summary>
    public IReadOnlyList<ReceivedSms> Taken => Tries.Where(t => t.Accepted).GroupBy(t => t.Key).Select(g => g.First()).ToList();

    public static async Task<SmsReceiver> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new SmsReceiver(app, url + "/sms");
        app.MapPost("/sms", async (HttpContext http) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            var key = http.Request.Headers["Idempotency-Key"].ToString();
            var tries = receiver._triesByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
            var accepted = tries > receiver.FailFirstTries;
            receiver.Tries.Enqueue(new ReceivedSms(body.GetProperty("phone").GetString()!, body.GetProperty("text").GetString()!, key, accepted));
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
public sealed record ReceivedSms(string Phone, string Text, string Key, bool Accepted);
