using Hall.QueueService.Api;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.ServiceGuides;

/// <summary>
/// <c>/forms/{name}</c>: the sample forms guides link to, for anyone (the QR code on the kiosk and the printed guide
/// leads a phone here). The administrator lists what the folder holds, to link forms in a guide.
/// </summary>
public static class SampleFormsApi
{
    public static IEndpointRouteBuilder MapSampleFormsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forms/{name}", Download).WithTags("Service guides")
            .WithSummary("A sample form (表格下载) named in a service guide").Refuses(ProblemKind.NotFound);
        return app;
    }

    /// <summary>Mapped inside the administration group, which carries its policy.</summary>
    public static RouteGroupBuilder MapAdminFormsApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/forms", List).WithTags("Service guides").WithSummary("The sample forms the hall server holds, with the address a guide links");
        return admin;
    }

    public static PhysicalFileHttpResult Download(string name, SampleForms forms)
    {
        var form = forms.Find(name) ?? throw QueueProblems.FormNotFound(name);
        return TypedResults.PhysicalFile(form.Path, form.ContentType, form.Name, enableRangeProcessing: true);
    }

    public static Ok<IReadOnlyList<SampleFormView>> List(SampleForms forms) =>
        TypedResults.Ok<IReadOnlyList<SampleFormView>>(forms.List().Select(f => new SampleFormView(f.Name, "/forms/" + Uri.EscapeDataString(f.Name), f.Bytes)).ToList());
}

/// <param name="Url">The server path a guide's <c>forms[].url</c> takes.</param>
public sealed record SampleFormView(string Name, string Url, long Bytes);
