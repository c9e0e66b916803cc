using System.Net;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Archiving;

/// <summary>
/// Lives hall days through the real API, so the history holds what a hall really writes: logins and logouts, issues,
/// calls, no-shows, transfers, finishes and ratings (bad ones open follow-ups). Every day ends with nobody waiting.
/// </summary>
public static class HallHistory
{
    public static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new(day.Year, day.Month, day.Day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>One hall day, varied by its index; returns the tickets issued.</summary>
    public static async Task<List<IssuedTicket>> LiveDayAsync(HallServerFactory hall, DateOnly day, int index)
    {
        var clock = hall.Clock;
        // The night before is skipped, not lived minute by minute: the hall's periodic checks run on the next Advance.
        clock.JumpTo(At(day, 9, index % 5));
        var window1 = await hall.LoginAsync(1, "1001");
        var window2 = await hall.LoginAsync(2, "1002");
        var tickets = new List<IssuedTicket>();
        var count = 4 + index % 4;
        for (var i = 0; i < count; i++)
        {
            tickets.Add(await hall.IssueAsync(1 + (i + index) % 3, priority: i == 2 && index % 3 == 0 ? "elderly" : null));
            clock.Advance(TimeSpan.FromMinutes(1 + (i * 7 + index) % 5));
        }

        var handled = 0;
        while (true)
        {
            // Window 2 serves only A; window 1 serves everything.
            var (client, number) = (window2, 2);
            if (await window2.ActAsync(2, "call-next") is null)
            {
                (client, number) = (window1, 1);
                if (await window1.ActAsync(1, "call-next") is null)
                {
                    break;
                }
            }
            clock.Advance(TimeSpan.FromMinutes(1 + (handled + index) % 6));
            if ((handled + index) % 5 == 4)
            {
                await client.ActAsync(number, "no-show");
            }
            else if (handled == 1 && index % 4 == 1 && number == 1)
            {
                await client.ActAsync(number, "transfer", new { serviceId = 1 });
            }
            else
            {
                await client.ActAsync(number, "start");
                clock.Advance(TimeSpan.FromMinutes(3 + (handled * 5 + index * 3) % 17));
                await client.ActAsync(number, "finish");
                if ((handled + index) % 3 != 2)
                {
                    var rating = await hall.CreateClient().PostAsJsonAsync($"/api/windows/{number}/rate", new { level = 1 + (handled * 3 + index) % 5 });
                    Assert.Equal(HttpStatusCode.OK, rating.StatusCode);
                }
            }
            handled++;
            clock.Advance(TimeSpan.FromMinutes(2));
        }
        Assert.Equal(HttpStatusCode.OK, await window1.StatusOfAsync(1, "logout"));
        Assert.Equal(HttpStatusCode.OK, await window2.StatusOfAsync(2, "logout"));
        return tickets;
    }
}
