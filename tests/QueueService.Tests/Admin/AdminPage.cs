using Hall.TestSupport;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Admin;

/// <summary>Opens the administration page and logs in through its form, as an administrator does.</summary>
internal static class AdminPage
{
    public static async Task<IPage> LogInAsync(IBrowserContext context, string baseUrl)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/admin/");
        await page.Locator("#login-user").FillAsync(DemoCredentials.AdminUser);
        await page.Locator("#login-password").FillAsync(DemoCredentials.AdminPassword);
        await page.Locator("#login-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#admin")).ToBeVisibleAsync();
        return page;
    }
}
