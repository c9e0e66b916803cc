using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.ServiceGuides;

/// <summary>
/// Sample forms (表格下载): the demo hall's forms are served to anyone by plain name, nothing else of the server can be
/// reached through the path, guides give phones the full address, and a forms folder that does not exist stops start-up.
/// </summary>
public sealed class SampleFormsTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    [Fact]
    public async Task A_demo_form_downloads_as_a_pdf_by_its_name()
    {
        var response = await _hall.CreateClient().GetAsync("/forms/company-registration-application.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
    }

    [Theory]
    [InlineData("no-such-form.pdf")]
    [InlineData("..%2FQueueService.dll")]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData(".hidden.pdf")]
    [InlineData("script.sh")]
    public async Task Anything_but_a_form_of_the_folder_is_not_found(string name)
    {
        var response = await _hall.CreateClient().GetAsync("/forms/" + name);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("formNotFound", await response.ProblemCodeAsync());
    }

    [Fact]
    public async Task A_guide_gives_the_full_address_of_the_forms_on_this_server()
    {
        var guide = await _hall.CreateClient().GetFromJsonAsync<JsonObject>("/api/services/1/guide");

        var form = Assert.Single(guide!["guide"]!["forms"]!.AsArray())!;
        Assert.Equal("企业设立登记申请书（示范文本）", form["name"]!.GetValue<string>());
        Assert.Equal("http://localhost/forms/company-registration-application.pdf", form["url"]!.GetValue<string>());
        var download = await _hall.CreateClient().GetAsync(new Uri(form["url"]!.GetValue<string>()).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task The_administrator_lists_the_forms_the_server_holds()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hall.CreateClient().GetAsync("/api/admin/forms")).StatusCode);

        var forms = await _hall.CreateAdminClient().GetFromJsonAsync<JsonArray>("/api/admin/forms");

        Assert.Equal(["/forms/company-registration-application.pdf", "/forms/real-estate-registration-application.pdf", "/forms/social-insurance-registration.pdf"],
            forms!.Select(f => f!["url"]!.GetValue<string>()));
        Assert.All(forms!, f => Assert.True(f!["bytes"]!.GetValue<long>() > 1000));
    }

    [Fact]
    public async Task A_forms_folder_that_does_not_exist_stops_start_up_naming_the_setting()
    {
        var missing = Path.Combine(TestPaths.NewTempDirectory("forms"), "not-there");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("formsdata"), "--Guides:FormsDirectory=" + missing]));

        Assert.Contains("Guides:FormsDirectory", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _hall.Dispose();
}
