using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Pages;

/// <summary>
/// The clerk console's 办结 dialog in real headless Chromium against the real server process: each outcome from the
/// keyboard (F4 F4, or F4 and a digit), with what that outcome needs, and the server's refusals inside the dialog.
/// </summary>
public sealed class ConsoleFinishDialogTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Each_outcome_is_finished_from_the_keyboard_with_what_it_needs()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("finish-dialog")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var tickets = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            tickets.Add(await IssueAsync(http));
        }
        var page = await LogInAsync(server.BaseUrl);
        var dialog = page.Locator("#finish-dialog");

        // F4 F4: 即办件 at once.
        await CallNextAsync(page, "A001");
        await page.Keyboard.PressAsync("F4");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#finish-ticket")).ToHaveTextAsync("A001 企业开办");
        await Assertions.Expect(Choice(page, "completed")).ToBeFocusedAsync();
        await Assertions.Expect(Choice(page, "completed")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("F4");
        await ExpectFinishedAsync(page);
        var outcome = await OutcomeAsync(http, tickets[0]);
        Assert.Equal("completed", outcome["kind"]!.GetValue<string>());
        Assert.Null(outcome["caseNumber"]);

        // F4 2: 承诺件 of 3 working days with its 申办编号.
        await CallNextAsync(page, "A002");
        await page.Keyboard.PressAsync("F4");
        await page.Keyboard.PressAsync("2");
        await Assertions.Expect(Choice(page, "accepted")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#finish-days")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#finish-days")).ToHaveAttributeAsync("placeholder", "留空按办事指南");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#finish-days")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("3");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#finish-case")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("SB-2026-0002");
        await page.Keyboard.PressAsync("Enter");
        await ExpectFinishedAsync(page);
        outcome = await OutcomeAsync(http, tickets[1]);
        Assert.Equal("accepted", outcome["kind"]!.GetValue<string>());
        Assert.Equal("SB-2026-0002", outcome["caseNumber"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(outcome["dueDate"]?.GetValue<string>()));

        // F4 3: 补正 needs at least one material, the dialog says so; then one ticked and two typed.
        await CallNextAsync(page, "A003");
        await page.Keyboard.PressAsync("F4");
        await page.Keyboard.PressAsync("3");
        var materials = page.Locator("#finish-materials input[type=checkbox]");
        await Assertions.Expect(materials).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#finish-materials")).ToContainTextAsync("公司章程");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#finish-error")).ToHaveTextAsync("补正须勾选或填写至少一项所缺材料，以便一次性告知。");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await page.Locator("#finish-materials input[value='公司章程']").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#finish-materials input[value='公司章程']")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#finish-error")).ToBeHiddenAsync();   // being put right
        await page.Locator("#finish-other-materials").FocusAsync();
        await page.Keyboard.TypeAsync("住所租赁合同、授权委托书");
        await ChromiumFixture.ScreenshotAsync(page, "console-finish-dialog");
        await page.Keyboard.PressAsync("Enter");
        await ExpectFinishedAsync(page);
        outcome = await OutcomeAsync(http, tickets[2]);
        Assert.Equal("supplement", outcome["kind"]!.GetValue<string>());
        Assert.Equal(["公司章程", "住所租赁合同", "授权委托书"], outcome["missingMaterials"]!.AsArray().Select(m => m!.GetValue<string>()));

        // F4 4: 不予受理 without a reason is refused by the server, and the refusal is shown in the dialog.
        await CallNextAsync(page, "A004");
        await page.Keyboard.PressAsync("F4");
        await page.Keyboard.PressAsync("4");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#finish-error")).ToContainTextAsync("不予受理须写明理由");
        await Assertions.Expect(page.Locator("#finish-reason")).ToBeFocusedAsync();
        Assert.Null((await TicketAsync(http, tickets[3]))["outcome"]);
        await page.Keyboard.TypeAsync("不属于本窗口受理范围，请到市场监管局办理。");
        await page.Keyboard.PressAsync("Enter");
        await ExpectFinishedAsync(page);
        outcome = await OutcomeAsync(http, tickets[3]);
        Assert.Equal("refused", outcome["kind"]!.GetValue<string>());
        Assert.Equal("不属于本窗口受理范围，请到市场监管局办理。", outcome["reason"]!.GetValue<string>());

        // F4 5 Enter: 咨询.
        await CallNextAsync(page, "A005");
        await page.Keyboard.PressAsync("F4");
        await page.Keyboard.PressAsync("5");
        await Assertions.Expect(Choice(page, "consulted")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Enter");
        await ExpectFinishedAsync(page);
        Assert.Equal("consulted", (await OutcomeAsync(http, tickets[4]))["kind"]!.GetValue<string>());
        await Assertions.Expect(page.Locator("#today li").First).ToHaveTextAsync("已办结5");
    }

    [Fact]
    public async Task Escape_closes_without_finishing_and_the_dialog_speaks_the_pages_language()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("finish-dialog-en")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var transferred = await IssueAsync(http);
        var ticket = await IssueAsync(http);
        var page = await LogInAsync(server.BaseUrl);
        var dialog = page.Locator("#finish-dialog");

        // Nothing to finish yet: no dialog, the console says why.
        await page.Keyboard.PressAsync("F4");
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("当前没有可办结的号。");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        // The ticket leaves the window while the dialog is open (transferred with the clerk's own token): the dialog closes.
        await CallNextAsync(page, "A001");
        await page.Keyboard.PressAsync("F4");
        await page.Keyboard.PressAsync("2");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var token = await page.EvaluateAsync<string>("JSON.parse(sessionStorage.getItem('console.session')).token");
        using (var transfer = new HttpRequestMessage(HttpMethod.Post, "/api/windows/2/transfer") { Content = JsonContent.Create(new { windowNumber = 1 }) })
        {
            transfer.Headers.Authorization = new("Bearer", token);
            (await http.SendAsync(transfer)).EnsureSuccessStatusCode();
        }
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#number")).ToHaveTextAsync("—");
        Assert.Null((await TicketAsync(http, transferred))["outcome"]);

        await CallNextAsync(page, "A002");
        await page.ClickAsync("#finish");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(Choice(page, "completed")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#number")).ToHaveTextAsync("A002");
        Assert.Null((await TicketAsync(http, ticket))["outcome"]);

        await page.ClickAsync("#lang");
        await page.Keyboard.PressAsync("F4");
        await Assertions.Expect(dialog.Locator("legend").First).ToHaveTextAsync("Outcome");
        await Assertions.Expect(dialog.Locator("label:has(input[value='refused'])")).ToHaveTextAsync("4Refused");
        await page.Keyboard.PressAsync("4");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#finish-error")).ToContainTextAsync("A refusal needs its reason");
        // Digits typed into a field stay there; F4 from the field still finishes as 即办件.
        await page.Keyboard.TypeAsync("12");
        await Assertions.Expect(page.Locator("#finish-reason")).ToHaveValueAsync("12");
        await Assertions.Expect(Choice(page, "refused")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("F4");
        await ExpectFinishedAsync(page);
        Assert.Equal("completed", (await OutcomeAsync(http, ticket))["kind"]!.GetValue<string>());
    }

    private static ILocator Choice(IPage page, string outcome) => page.Locator($"#finish-dialog input[name='finish-outcome'][value='{outcome}']");

    private static async Task<string> IssueAsync(HttpClient http)
    {
        var issued = await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        issued.EnsureSuccessStatusCode();
        return (await issued.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private async Task<IPage> LogInAsync(string baseUrl)
    {
        var page = await chromium.NewPageAsync(1280, 900);
        await page.GotoAsync(baseUrl + "/console/");
        await page.FillAsync("#window", "2");
        await page.FillAsync("#staff", "1002");
        await page.FillAsync("#pin", DemoCredentials.Pin);
        await page.ClickAsync("#login");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("空闲");
        return page;
    }

    private static async Task CallNextAsync(IPage page, string number)
    {
        await page.Keyboard.PressAsync("F1");
        await Assertions.Expect(page.Locator("#number")).ToHaveTextAsync(number);
    }

    private static async Task ExpectFinishedAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#finish-dialog")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#number")).ToHaveTextAsync("—");
    }

    private static async Task<JsonObject> TicketAsync(HttpClient http, string id) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/tickets/{id}"))!;

    private static async Task<JsonObject> OutcomeAsync(HttpClient http, string id) =>
        (JsonObject)(await TicketAsync(http, id))["outcome"]!;
}
