using Hall.QueueService.Security.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace Hall.QueueService.Api;

public static class ApiServiceExtensions
{
    /// <summary>What every endpoint shares: refusals as problem details, unreadable bodies as 400, JSON that keeps Chinese readable, OpenAPI.</summary>
    public static IServiceCollection AddHallApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddOpenApi(o => o.AddHallSecurity());
        return services;
    }
}
