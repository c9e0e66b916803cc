using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hall.QueueService.Security.Authentication;

/// <summary>
/// The OpenAPI document names the hall's credentials (device key, bearer token, HTTP Basic) and, for every endpoint
/// that requires a policy, the credentials that satisfy it.
/// </summary>
public static class OpenApiSecurity
{
    private const string DeviceKey = "deviceKey";
    private const string Bearer = "bearer";
    private const string Basic = "basic";

    public static OpenApiOptions AddHallSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[DeviceKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = DeviceAuthentication.KeyHeader,
                Description = "A device's key, {deviceId}.{secret}, issued by the administrator",
            };
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "A clerk's window token or a supervisor's token (their login answers it)",
            };
            document.Components.SecuritySchemes[Basic] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "basic", Description = "The administrator (Admin:User and its password)",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
            foreach (var schemes in policies.Select(SchemesOf).Where(s => s.Length > 0))
            {
                operation.Security ??= [];
                foreach (var scheme in schemes)
                {
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
                }
            }
            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary>Each credential that alone satisfies the policy (alternatives, as OpenAPI lists them).</summary>
    private static string[] SchemesOf(string policy) => policy switch
    {
        HallPolicies.AnyDevice or HallPolicies.Kiosk or HallPolicies.Evaluator => [DeviceKey],
        HallPolicies.WindowClerk => [Bearer],
        HallPolicies.Supervisor or HallPolicies.StatisticsReader => [Bearer, Basic],
        HallPolicies.Administrator => [Basic],
        _ => [],
    };
}
