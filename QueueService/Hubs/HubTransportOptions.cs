using Microsoft.AspNetCore.Http.Connections;

namespace Hall.QueueService.Hubs;

/// <summary>
/// Which SignalR transports <c>/hubs/hall</c> offers (section <c>Hub</c>, e.g. <c>--Hub:Transports=ServerSentEvents,LongPolling</c>).
/// All three by default; clients negotiate, so a hall behind a proxy that breaks WebSockets half-way can leave them
/// out here and every client (boards, pages) falls back to Server-Sent Events or long polling.
/// </summary>
public sealed class HubTransportOptions
{
    public const string Section = "Hub";

    public const HttpTransportType All = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;

    public HttpTransportType Transports { get; set; } = All;

    public static IServiceCollection AddHubTransports(IServiceCollection services)
    {
        services.AddOptions<HubTransportOptions>().BindConfiguration(Section)
            .Validate(o => o.Transports != HttpTransportType.None && (o.Transports & ~All) == 0,
                "Hub:Transports must name one or more of WebSockets, ServerSentEvents, LongPolling.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>For <c>MapHub</c>, which takes its options when mapped, before start-up validation reports a bad value.</summary>
    public static HttpTransportType FromConfiguration(IConfiguration configuration) =>
        Enum.TryParse<HttpTransportType>(configuration[Section + ":" + nameof(Transports)], ignoreCase: true, out var transports)
        && transports != HttpTransportType.None && (transports & ~All) == 0 ? transports : All;
}
