using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Hall.QueueService.Security.Authentication;

/// <summary>Who an endpoint is for; one <see cref="HallAccessRequirement"/> per named policy.</summary>
public enum HallAccess
{
    AnyDevice,
    Kiosk,
    Evaluator,
    WindowClerk,
    Supervisor,
    StatisticsReader,
    Administrator,
    UplinkHall,
    Staff,
}

public sealed record HallAccessRequirement(HallAccess Access) : IAuthorizationRequirement;

/// <summary>
/// The named authorization policies, used with <c>RequireAuthorization</c>: kiosk, evaluator of window n, the window's
/// clerk, supervisor, statistics reader, administrator, any device, and on a city server a hall that uplinks. Each says which schemes may satisfy it.
/// </summary>
public static class HallPolicies
{
    public const string AnyDevice = "device";
    public const string Kiosk = "kiosk";
    public const string Evaluator = "evaluator";
    public const string WindowClerk = "windowClerk";
    public const string Supervisor = "supervisor";
    public const string StatisticsReader = "statisticsReader";
    public const string Administrator = "administrator";
    public const string UplinkHall = "uplinkHall";
    /// <summary>Any of the hall's staff signed in: a window's clerk, a supervisor or the administrator.</summary>
    public const string Staff = "staff";

    public static IServiceCollection AddHallAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(o => o.DefaultScheme = HallSchemes.DeviceKey)
            .AddScheme<AuthenticationSchemeOptions, DeviceKeyAuthenticationHandler>(HallSchemes.DeviceKey, null)
            .AddScheme<AuthenticationSchemeOptions, ClerkAuthenticationHandler>(HallSchemes.Clerk, null)
            .AddScheme<AuthenticationSchemeOptions, SupervisorAuthenticationHandler>(HallSchemes.Supervisor, null)
            .AddScheme<AuthenticationSchemeOptions, AdministratorAuthenticationHandler>(HallSchemes.Administrator, null)
            .AddScheme<AuthenticationSchemeOptions, City.UplinkHallKeyAuthenticationHandler>(City.UplinkHallKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AnyDevice, Policy(HallAccess.AnyDevice, HallSchemes.DeviceKey))
            .AddPolicy(Kiosk, Policy(HallAccess.Kiosk, HallSchemes.DeviceKey))
            .AddPolicy(Evaluator, Policy(HallAccess.Evaluator, HallSchemes.DeviceKey))
            .AddPolicy(WindowClerk, Policy(HallAccess.WindowClerk, HallSchemes.Clerk))
            .AddPolicy(Supervisor, Policy(HallAccess.Supervisor, HallSchemes.Administrator, HallSchemes.Supervisor))
            .AddPolicy(StatisticsReader, Policy(HallAccess.StatisticsReader, HallSchemes.Administrator, HallSchemes.Supervisor, HallSchemes.Clerk))
            .AddPolicy(Administrator, Policy(HallAccess.Administrator, HallSchemes.Administrator))
            .AddPolicy(Staff, Policy(HallAccess.Staff, HallSchemes.Administrator, HallSchemes.Supervisor, HallSchemes.Clerk))
            .AddPolicy(UplinkHall, Policy(HallAccess.UplinkHall, City.UplinkHallKeyAuthenticationHandler.SchemeName));
        services.AddSingleton<IAuthorizationHandler, HallAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, HallRefusalResultHandler>();
        return services;
    }

    /// <summary>Endpoints for one kind of device (or any device): without a key, the hall's <see cref="HallSecurity.DeviceKeys"/> decides.</summary>
    public static TBuilder RequireDevice<TBuilder>(this TBuilder builder, DeviceKind? kind = null) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(kind switch
        {
            DeviceKind.Kiosk => Kiosk,
            DeviceKind.Evaluator => Evaluator,
            null => AnyDevice,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No policy for this kind of device."),
        });

    public static TBuilder RequireSupervisor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Supervisor);

    public static TBuilder RequireStatisticsReader<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(StatisticsReader);

    private static AuthorizationPolicy Policy(HallAccess access, params string[] schemes) =>
        new AuthorizationPolicyBuilder(schemes).AddRequirements(new HallAccessRequirement(access)).Build();
}
