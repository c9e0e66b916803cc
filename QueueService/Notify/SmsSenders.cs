using System.Net.Http.Json;

namespace Hall.QueueService.Notify;

/// <summary>One message as a provider gets it; <see cref="IdempotencyKey"/> is the same for every try of it.</summary>
public sealed record SmsMessage(string Phone, string MaskedPhone, string Text, string Kind, string IdempotencyKey);

/// <summary>Sends one text message; null when the provider took it, otherwise what went wrong (tried again later).</summary>
public interface ISmsSender
{
    Task<string?> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// <c>Sms:Provider=http</c>: POSTs <c>{ "phone": "13812345678", "text": "…" }</c> to <c>Sms:Url</c> with an
/// <c>Idempotency-Key</c> header; any 2xx answer means taken. A small relay turns this into a gateway's own call.
/// </summary>
public sealed class HttpSmsSender(HttpClient http) : ISmsSender
{
    public const string ClientName = "sms";

    public async Task<string?> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null)
        {
            Content = JsonContent.Create(new SmsRequestBody(message.Phone, message.Text)),
        };
        request.Headers.Add(Hall.Contracts.Api.IdempotencyKey.Header, message.IdempotencyKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return "no answer: " + e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "no answer within Sms:RequestTimeout";
        }
    }

    private sealed record SmsRequestBody(string Phone, string Text);
}

/// <summary><c>Sms:Provider=log</c> (the default): nothing leaves the server; one line with the masked number is logged.</summary>
public sealed partial class LogSmsSender(ILogger<LogSmsSender> logger) : ISmsSender
{
    public Task<string?> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        LogMessage(message.Kind, message.MaskedPhone, message.Text);
        return Task.FromResult<string?>(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Text message ({Kind}) to {MaskedPhone}: {Text}")]
    private partial void LogMessage(string kind, string maskedPhone, string text);
}
