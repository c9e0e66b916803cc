namespace Hall.QueueService.Pages;

/// <summary>Pages served by the hall server (static files under wwwroot, with friendly routes).</summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        // The tracking link printed on a ticket as a QR code: /t/{ticket id}.
        app.MapGet("/t/{id:guid}", (Guid id, IWebHostEnvironment environment) => Page(environment, "track.html")).ExcludeFromDescription();
        // The software evaluator on a tablet at a window: /rate/{window number}.
        app.MapGet("/rate/{number:int}", (int number, IWebHostEnvironment environment) => Page(environment, "rate/index.html")).ExcludeFromDescription();
        // 评价结果公开: the month's published ratings, for anyone (a link on the hall's website, a QR code on the wall).
        app.MapGet("/evaluation", (IWebHostEnvironment environment) => Page(environment, "public/evaluation.html")).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(IWebHostEnvironment environment, string file)
    {
        var info = environment.WebRootFileProvider.GetFileInfo(file);
        return info.Exists && info.PhysicalPath is { } path
            ? TypedResults.PhysicalFile(path, "text/html; charset=utf-8")
            : TypedResults.NotFound();
    }
}
