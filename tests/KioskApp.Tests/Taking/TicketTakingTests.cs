using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hall.Contracts.Api;
using Hall.Hardware.Printing;
using Hall.KioskApp.HallServer;
using Hall.KioskApp.Options;
using Hall.KioskApp.Printing;
using Hall.KioskApp.Taking;
using Hall.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Hall.KioskApp.Tests.Taking;

/// <summary>
/// The lost-answer rules, which a real server cannot be made to show on demand: an in-process HTTP handler
/// plays the server's answers (unit tests only; the acceptance tests use the real QueueService).
/// </summary>
public sealed class TicketTakingTests
{
    private static readonly IssuedTicket Existing = new(
        Guid.NewGuid(), "A003", 1, "企业开办", "Business Registration", TicketStatus.Waiting, TicketPriority.Normal, 2, 10,
        DateTimeOffset.UtcNow, "http://hall/t/1", "示范县政务服务中心", [1], ["公司章程"], "110105**********002X", null);

    private sealed class ScriptedServer(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public int Posts { get; private set; }

        public List<string> IdempotencyKeys { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/api/devices/status")
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
            }
            var answer = answers[Math.Min(Posts, answers.Length - 1)];
            Posts++;
            IdempotencyKeys.Add(string.Join(",", request.Headers.GetValues("Idempotency-Key")));
            return Task.FromResult(answer(request));
        }
    }

    private static HttpResponseMessage LostAnswer(HttpRequestMessage _) =>
        throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException());

    private static HttpResponseMessage Duplicate(HttpRequestMessage _) => new(HttpStatusCode.Conflict)
    {
        Content = JsonContent.Create(new JsonObject
        {
            ["status"] = 409,
            ["detail"] = "您已取过“企业开办”的号 A003",
            ["code"] = "duplicateTicket",
            ["ticket"] = JsonSerializer.SerializeToNode(Existing, JsonSerializerOptions.Web),
        }),
    };

    private static (TicketTaking Taking, string Folder) Create(ScriptedServer server)
    {
        var folder = TestPaths.NewTempDirectory("taking");
        var client = new HallServerClient(new HttpClient(server) { BaseAddress = new Uri("http://hall/") });
        var kiosk = MsOptions.Create(new KioskOptions { ServerUrl = "http://hall" });
        var printerOptions = MsOptions.Create(new PrinterOptions { Target = folder });
        var layout = new TicketLayout(printerOptions, kiosk);
        var guideLayout = new GuideLayout(printerOptions, kiosk, TimeProvider.System);
        var reporter = new DeviceStatusReporter(client, kiosk, NullLogger<DeviceStatusReporter>.Instance);
        var printer = new TicketPrinter(new FilePrinterTransport(folder), layout, guideLayout, reporter, NullLogger<TicketPrinter>.Instance);
        return (new TicketTaking(client, printer, new RecentTickets(), TimeProvider.System, NullLogger<TicketTaking>.Instance), folder);
    }

    private static HttpResponseMessage IssuedAgain(HttpRequestMessage _) => new(HttpStatusCode.Created)
    {
        Content = JsonContent.Create(Existing, options: JsonSerializerOptions.Web),
    };

    [Fact]
    public async Task A_take_whose_answers_are_all_lost_shows_and_prints_nothing()
    {
        var server = new ScriptedServer(LostAnswer);
        var (taking, folder) = Create(server);

        var (taken, failure) = await taking.TakeAsync(new IssueTicketRequest(1), CancellationToken.None);

        Assert.Null(taken);
        Assert.Equal(503, failure!.StatusCode);
        Assert.Equal("issueUnconfirmed", failure.Problem["code"]?.ToString());
        Assert.Equal(TicketTaking.Attempts, server.Posts);
        Assert.Single(server.IdempotencyKeys.Distinct());
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task A_lost_answer_is_retried_with_the_same_idempotency_key_and_printed_once()
    {
        var server = new ScriptedServer(LostAnswer, IssuedAgain);
        var (taking, folder) = Create(server);

        var (taken, failure) = await taking.TakeAsync(new IssueTicketRequest(1), CancellationToken.None);

        Assert.Null(failure);
        Assert.Equal("A003", taken!.Ticket.Number);
        Assert.True(taken.Printed);
        Assert.Equal(2, server.Posts);
        Assert.Equal(server.IdempotencyKeys[0], server.IdempotencyKeys[1]);
        Assert.Equal(["A003.bin"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_duplicate_on_the_first_try_is_a_refusal_with_the_existing_ticket_for_reprint()
    {
        var server = new ScriptedServer(Duplicate);
        var (taking, folder) = Create(server);

        var (taken, failure) = await taking.TakeAsync(new IssueTicketRequest(1, IdNumber: "11010519491231002X"), CancellationToken.None);

        Assert.Null(taken);
        Assert.Equal(409, failure!.StatusCode);
        Assert.Equal("A003", failure.Problem["ticket"]!["number"]!.ToString());
        Assert.Empty(Directory.GetFiles(folder));
    }
}
