using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Api;

/// <summary>
/// <c>/api/admin/services</c>: the hall's services, one at a time. A change takes effect at once (names, quotas,
/// hours, materials); deleting a service that citizens still wait for or have booked is refused.
/// </summary>
public static class AdminServicesApi
{
    public static RouteGroupBuilder MapAdminServicesApi(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/services").Refuses(ProblemKind.NotFound, ProblemKind.Conflict);
        group.MapGet("/", List).WithSummary("Every service as in the hall file");
        group.MapGet("/{id:int}", Get).WithSummary("One service");
        group.MapPost("/", AddAsync).WithSummary("Adds a service (without an id: the next free one); tickets are issued for it at once");
        group.MapPut("/{id:int}", ReplaceAsync).WithSummary("Replaces a service; takes effect at once");
        group.MapDelete("/{id:int}", DeleteAsync).WithSummary("Deletes a service and takes it off every window (409 while citizens wait for it)");
        return group;
    }

    public static IResult List(HallCatalogHolder hall) => AdminRequest.Json(hall.Current.Services);

    public static IResult Get(int id, HallCatalogHolder hall) =>
        AdminRequest.Json(hall.Current.FindService(id) ?? throw Unknown(id));

    public static async Task<IResult> AddAsync(HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        var service = await AdminRequest.ReadAsync<ServiceDefinition>(http.Request, "service", cancellationToken);
        var added = service;
        var hall = await editor.ChangeAsync(d =>
        {
            added = service.Id == 0 ? service with { Id = d.Services.Select(s => s.Id).DefaultIfEmpty().Max() + 1 } : service;
            if (d.Services.Any(s => s.Id == added.Id))
            {
                throw QueueProblems.ServiceExists(added.Id);
            }
            return d with { Services = [.. d.Services, added] };
        }, $"service {service.Prefix} {service.Name} added", AdminRequest.Administrator(http), cancellationToken);
        http.Response.Headers.Location = $"/api/admin/services/{added.Id}";
        return AdminRequest.Json(hall.Services.Single(s => s.Id == added.Id), StatusCodes.Status201Created);
    }

    public static async Task<IResult> ReplaceAsync(int id, HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        var service = await AdminRequest.ReadAsync<ServiceDefinition>(http.Request, "service", cancellationToken);
        if (service.Id != 0 && service.Id != id)
        {
            throw QueueProblems.IdMismatch(service.Id, id);
        }
        var hall = await editor.ChangeAsync(d =>
        {
            var index = IndexOf(d, id);
            var services = d.Services.ToList();
            services[index] = service with { Id = id };
            return d with { Services = services };
        }, $"service {id} changed", AdminRequest.Administrator(http), cancellationToken);
        return AdminRequest.Json(hall.Services.Single(s => s.Id == id));
    }

    public static async Task<IResult> DeleteAsync(int id, HttpContext http, HallEditor editor, CancellationToken cancellationToken)
    {
        await editor.ChangeAsync(d =>
        {
            var service = d.Services[IndexOf(d, id)];
            if (d.Windows.FirstOrDefault(w => w.ServiceIds.Count == 1 && w.ServiceIds[0] == id) is { } only)
            {
                throw QueueProblems.WindowWouldBeEmpty(only.Name, only.Number, service.Name);
            }
            return d with
            {
                Services = d.Services.Where(s => s.Id != id).ToList(),
                Windows = d.Windows.Select(w => w.ServiceIds.Contains(id) ? w with { ServiceIds = w.ServiceIds.Where(s => s != id).ToList() } : w).ToList(),
            };
        }, $"service {id} deleted", AdminRequest.Administrator(http), cancellationToken);
        return TypedResults.NoContent();
    }

    private static int IndexOf(HallDefinition d, int id)
    {
        var index = d.Services.ToList().FindIndex(s => s.Id == id);
        return index >= 0 ? index : throw Unknown(id);
    }

    private static QueueRuleException Unknown(int id) => QueueProblems.ServiceNotFound(id);
}
