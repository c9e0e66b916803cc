using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport.Postgres;

namespace Hall.QueueService.Tests.Queue;

public abstract class CallOrderTests(HallDatabase hallDatabase) : IDisposable
{
    private readonly HallServerFactory _hall = new(database: hallDatabase);

    private async Task<List<string>> CallAllAsync(HttpClient clerk, int window)
    {
        var called = new List<string>();
        while (await clerk.CallNextNumberAsync(window) is { } number)
        {
            called.Add(number);
            await clerk.ActAsync(window, "finish");
            _hall.Clock.Advance(TimeSpan.FromSeconds(30));
        }
        return called;
    }

    [Fact]
    public async Task Priority_classes_go_first_and_each_class_is_first_come_first_served()
    {
        await _hall.IssueAsync(1);                                        // A001 normal
        await _hall.IssueAsync(1, priority: "elderly");                   // A002 elderly
        await _hall.IssueAsync(1);                                        // A003 normal
        await _hall.IssueAsync(1, priority: "green", staffCode: "1002"); // A004 green
        await _hall.IssueAsync(1, priority: "elderly");                   // A005 elderly

        var clerk = await _hall.LoginAsync(2, "1002");
        Assert.Equal(["A004", "A002", "A005", "A001", "A003"], await CallAllAsync(clerk, 2));
    }

    [Fact]
    public async Task After_three_priority_calls_a_waiting_normal_ticket_goes_next()
    {
        await _hall.IssueAsync(1);                                        // A001 normal
        for (var i = 0; i < 5; i++)
        {
            await _hall.IssueAsync(1, priority: "elderly");               // A002..A006
        }
        await _hall.IssueAsync(1);                                        // A007 normal

        var clerk = await _hall.LoginAsync(2, "1002");
        Assert.Equal(["A002", "A003", "A004", "A001", "A005", "A006", "A007"], await CallAllAsync(clerk, 2));
    }

    [Fact]
    public async Task A_window_takes_its_services_in_its_order_of_preference()
    {
        // Window 4 serves 不动产登记 (C) before 工程建设 (B); window 3 the other way round.
        await _hall.IssueAsync(2);  // B001
        await _hall.IssueAsync(3);  // C001
        await _hall.IssueAsync(2);  // B002
        await _hall.IssueAsync(3);  // C002

        var window4 = await _hall.LoginAsync(4, "1004");
        Assert.Equal("C001", await window4.CallNextNumberAsync(4));
        var window3 = await _hall.LoginAsync(3, "1003");
        Assert.Equal("B001", await window3.CallNextNumberAsync(3));
    }

    [Fact]
    public async Task A_window_only_calls_services_it_serves()
    {
        await _hall.IssueAsync(7, idNumber: "11010519491231002X"); // G001, police window only; 户政业务 requires the ID number
        var window2 = await _hall.LoginAsync(2, "1002");
        Assert.Null(await window2.CallNextNumberAsync(2));
        var window1 = await _hall.LoginAsync(1, "1001");
        Assert.Equal("G001", await window1.CallNextNumberAsync(1));
    }

    [Fact]
    public async Task Two_windows_never_call_the_same_ticket()
    {
        for (var i = 0; i < 20; i++)
        {
            await _hall.IssueAsync(1);
        }
        var window1 = await _hall.LoginAsync(1, "1001");
        var window2 = await _hall.LoginAsync(2, "1002");
        var called = new List<string>();
        for (var round = 0; round < 10; round++)
        {
            var both = await Task.WhenAll(window1.CallNextNumberAsync(1), window2.CallNextNumberAsync(2));
            called.AddRange(both!);
            await Task.WhenAll(window1.ActAsync(1, "finish"), window2.ActAsync(2, "finish"));
        }
        Assert.Equal(20, called.Distinct().Count());
    }

    public void Dispose() => _hall.Dispose();
}

public sealed class CallOrderOnSqliteTests() : CallOrderTests(HallDatabase.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class CallOrderOnPostgresTests(PostgresServer postgres) : CallOrderTests(HallDatabase.Postgres(postgres));
