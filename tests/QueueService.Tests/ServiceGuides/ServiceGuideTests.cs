using System.Net;
using System.Text.Json.Nodes;
using Hall.QueueService.ServiceGuides;
using Hall.QueueService.Tests.Admin;
using Hall.QueueService.Tests.Appointments;
using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.ServiceGuides;

/// <summary>办事指南 over real HTTP: the demo hall's guides, the list the kiosk searches by initials, and the hall file's rules for them.</summary>
public sealed class ServiceGuideTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    [Fact]
    public async Task The_list_names_every_service_with_its_pinyin_initials()
    {
        var guides = JsonNode.Parse(await _hall.CreateClient().GetStringAsync("/api/guides"))!.AsArray();
        var initials = guides.ToDictionary(g => g!["name"]!.GetValue<string>(), g => g!["initials"]!.GetValue<string>());
        Assert.Equal(8, initials.Count);
        Assert.Equal("QYKB", initials["企业开办"]);
        Assert.Equal("GCJSXMSP", initials["工程建设项目审批"]);
        Assert.Equal("BDCDJ", initials["不动产登记"]);
        Assert.Equal("HZYW", initials["户政业务"]);
        Assert.Equal("ZXDB", initials["咨询导办"]);
        Assert.True(guides.Single(g => g!["name"]!.GetValue<string>() == "企业开办")!["online"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_guide_answers_basis_materials_days_fees_place_and_the_halls_phones()
    {
        var guide = JsonNode.Parse(await _hall.CreateClient().GetStringAsync("/api/services/3/guide"))!;
        Assert.Equal("不动产登记", guide["name"]!.GetValue<string>());
        Assert.Contains("不动产登记暂行条例", guide["guide"]!["basis"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(30, guide["guide"]!["statutoryDays"]!.GetValue<int>());
        Assert.Equal(5, guide["guide"]!["promisedDays"]!.GetValue<int>());
        Assert.Contains("80元", guide["guide"]!["fees"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("C区", guide["guide"]!["location"]!.GetValue<string>(), StringComparison.Ordinal);
        var material = guide["guide"]!["materials"]![1]!;
        Assert.Equal("申请人身份证件", material["name"]!.GetValue<string>());
        Assert.Equal("originalAndCopy", material["form"]!.GetValue<string>());
        Assert.Equal("12345", guide["contacts"]!["complaintPhone"]!.GetValue<string>());

        var hall = JsonNode.Parse(await _hall.CreateClient().GetStringAsync("/api/hall"))!;
        Assert.Equal("12345", hall["contacts"]!["complaintPhone"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(hall["contacts"]!["supervisionPhone"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_service_or_one_without_a_guide_is_404_with_a_reason()
    {
        var http = _hall.CreateClient();
        var unknown = await http.GetAsync("/api/services/99/guide");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknownService", await unknown.ProblemCodeAsync());

        var admin = _hall.AdminClient();
        var file = await admin.HallAsync();
        file["services"]![7]!.AsObject().Remove("guide");
        (await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(file))).EnsureSuccessStatusCode();
        var none = await http.GetAsync("/api/services/8/guide");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("noGuide", await none.ProblemCodeAsync());
    }

    [Theory]
    [InlineData("promisedDays", 40, "services[2].guide.promisedDays")]
    [InlineData("statutoryDays", -1, "services[2].guide.statutoryDays")]
    public async Task A_hall_file_with_impossible_days_is_refused_naming_the_field(string field, int days, string named)
    {
        var admin = _hall.AdminClient();
        var file = await admin.HallAsync();
        file["services"]![2]!["guide"]![field] = days;
        var refused = await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(file));
        Assert.Contains(named, await refused.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_link_must_be_a_server_path_or_https()
    {
        var admin = _hall.AdminClient();
        var file = await admin.HallAsync();
        file["services"]![0]!["guide"]!["forms"] = new JsonArray(new JsonObject { ["name"] = "样表", ["url"] = "javascript:alert(1)" });
        var refused = await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(file));
        Assert.Contains("services[0].guide.forms[0].url", await refused.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);

        file["services"]![0]!["guide"]!["forms"] = new JsonArray(new JsonObject { ["name"] = "样表", ["url"] = "/forms/qykb-sample.pdf" });
        (await admin.PutAsync("/api/admin/hall", AdminClients.JsonBody(file))).EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("社会保障", "SHBZ")]
    [InlineData("12345热线", "12345RX")]
    [InlineData("A区 取号", "AQQH")]
    [InlineData("鑫", "")]          // a level-2 character of GB 2312 (ordered by radical, not pinyin): no initial
    public void Initials_follow_the_pinyin_order_of_common_characters(string name, string initials) =>
        Assert.Equal(initials, PinyinInitials.Of(name));

    public void Dispose() => _hall.Dispose();
}
