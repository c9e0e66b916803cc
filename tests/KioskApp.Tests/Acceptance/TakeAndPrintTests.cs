using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hall.Contracts.Api;
using Hall.Hardware.EscPos;
using Hall.KioskApp.Taking;
using Hall.KioskApp.Tests.Support;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Hall.TestSupport.Qr;
using Xunit;

namespace Hall.KioskApp.Tests.Acceptance;

/// <summary>POST /api/take on a real KioskApp against a real QueueService, printing with real transports.</summary>
[Collection(HallCollection.Name)]
public sealed class TakeAndPrintTests(HallServerFixture hall)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Fact]
    public async Task Take_prints_number_dot_bin_with_init_chinese_service_name_number_cut_and_native_qr_of_the_tracking_url()
    {
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url);
        var service = await hall.OpenServiceAsync("A");

        var taken = await TakeAsync(kiosk, new { serviceId = service.Id });

        Assert.True(taken.Printed, taken.PrintError);
        Assert.Null(taken.PrintError);
        Assert.StartsWith(service.Prefix, taken.Ticket.Number, StringComparison.Ordinal);
        var job = await File.ReadAllBytesAsync(kiosk.TicketFile(taken.Ticket.Number));
        Assert.Equal(new byte[] { 0x1B, 0x40 }, job[..2]);
        var chineseMode = EscPosReader.IndexOf(job, [0x1C, 0x26]);
        Assert.True(chineseMode > 0);
        Assert.True(EscPosReader.IndexOf(job, EscPosEncoding.Gb18030.GetBytes(service.Name), chineseMode) > chineseMode,
            "the service name in GB18030 after FS &");
        Assert.True(EscPosReader.Contains(job, taken.Ticket.Number));
        Assert.True(EscPosReader.Contains(job, taken.Ticket.HallName));
        Assert.True(EscPosReader.Contains(job, "投诉电话：12345"), "the hall's complaint phone is on the ticket");
        Assert.True(EscPosReader.IndexOf(job, [0x1D, 0x56, 0x42]) > 0, "a partial cut");
        Assert.Equal(taken.Ticket.TrackingUrl, EscPosReader.NativeQrPayload(job));
        // The second code opens the service's full guide on the phone.
        Assert.Equal([taken.Ticket.TrackingUrl, taken.Ticket.GuideUrl!], EscPosReader.NativeQrPayloads(job));
        Assert.EndsWith($"/m/guides.html?service={service.Id}", taken.Ticket.GuideUrl, StringComparison.Ordinal);
        foreach (var material in taken.Ticket.Materials)
        {
            Assert.True(EscPosReader.Contains(job, material[..Math.Min(6, material.Length)]), "materials are printed: " + material);
        }

        using var tracking = await hall.Http.GetAsync(taken.Ticket.TrackingUrl);
        Assert.Equal(HttpStatusCode.OK, tracking.StatusCode);
        var onServer = await hall.Http.GetFromJsonAsync<TicketView>($"{hall.Url}/api/tickets/{taken.Ticket.Id}", Json);
        Assert.Equal(taken.Ticket.Number, onServer!.Number);
        Assert.Equal(TicketStatus.Waiting, onServer.Status);
    }

    [Fact]
    public async Task Raster_mode_prints_a_qr_image_that_a_real_reader_decodes_to_the_tracking_url()
    {
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url, "--Printer:QrMode=raster");
        var service = await hall.OpenServiceAsync("B");

        var taken = await TakeAsync(kiosk, new { serviceId = service.Id });

        var job = await File.ReadAllBytesAsync(kiosk.TicketFile(taken.Ticket.Number));
        Assert.Null(EscPosReader.NativeQrPayload(job));
        var pbm = EscPosReader.RasterAsPbm(job);
        Assert.NotNull(pbm);
        var image = Path.Combine(TestPaths.NewTempDirectory("raster-qr"), "qr.pbm");
        await File.WriteAllBytesAsync(image, pbm);
        Assert.Equal(taken.Ticket.TrackingUrl, await DecodeWithZbarAsync(image));
    }

    [Fact]
    public async Task Raster_mode_prints_a_qr_image_that_zxing_decodes_in_process_to_the_tracking_url()
    {
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url, "--Printer:QrMode=raster");
        var service = await hall.OpenServiceAsync("B");

        var taken = await TakeAsync(kiosk, new { serviceId = service.Id });

        var pbm = EscPosReader.RasterAsPbm(await File.ReadAllBytesAsync(kiosk.TicketFile(taken.Ticket.Number)));
        Assert.NotNull(pbm);
        Assert.Equal(taken.Ticket.TrackingUrl, QrDecoder.DecodePbm(pbm));
    }

    [Fact]
    public async Task An_unreachable_printer_answers_printed_false_and_the_ticket_waits_on_the_server()
    {
        var closedPort = FreePort.Next();
        await using var kiosk = await Kiosk.StartAsync(hall.Url, "", ["--Printer:Transport=tcp", $"--Printer:Target=127.0.0.1:{closedPort}",
            // A device the hall has: reports for devices it does not have are refused (404).
            "--Kiosk:DeviceId=kiosk-2"]);
        var service = await hall.OpenServiceAsync("A");

        var taken = await TakeAsync(kiosk, new { serviceId = service.Id });

        Assert.False(taken.Printed);
        Assert.Contains("打印机", taken.PrintError, StringComparison.Ordinal);
        var onServer = await hall.Http.GetFromJsonAsync<TicketView>($"{hall.Url}/api/tickets/{taken.Ticket.Id}", Json);
        Assert.Equal(TicketStatus.Waiting, onServer!.Status);
        Assert.Equal(taken.Ticket.Number, onServer.Number);

        // The printer's trouble reaches supervision as device status.
        JsonArray? devices = null;
        await Eventually.TrueAsync(async () =>
        {
            // Device states are for supervisors: the demo administrator may read them.
            using var request = new HttpRequestMessage(HttpMethod.Get, hall.Url + "/api/devices");
            request.Headers.Authorization = DemoCredentials.AdminAuthorization;
            using var response = await hall.Http.SendAsync(request);
            devices = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonArray>();
            return devices!.OfType<JsonObject>().Any(d => d["deviceId"]?.ToString()?.EndsWith("/printer", StringComparison.Ordinal) == true
                && d["status"]?.ToString() == "offline");
        }, TestTimeouts.Process);
        Assert.Contains(devices!.OfType<JsonObject>(), d => d["kind"]?.ToString() == "printer" && d["status"]?.ToString() == "offline");
    }

    [Fact]
    public async Task A_refusal_is_passed_on_as_problem_details_with_the_servers_message()
    {
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url);

        using var response = await kiosk.Http.PostAsJsonAsync("/api/take", new { serviceId = 9999 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("unknownService", problem!["code"]?.ToString());
        Assert.Contains("没有编号为 9999 的事项", problem["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(kiosk.PrinterFolder));
    }

    [Fact]
    public async Task A_second_ticket_for_the_same_id_number_is_refused_with_the_existing_one_which_can_be_reprinted()
    {
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url);
        var service = await hall.OpenServiceAsync("C");
        const string idNumber = "11010519491231002X";

        var first = await TakeAsync(kiosk, new { serviceId = service.Id, idNumber });
        Assert.EndsWith("002X", first.Ticket.MaskedIdNumber, StringComparison.Ordinal);
        var job = await File.ReadAllBytesAsync(kiosk.TicketFile(first.Ticket.Number));
        Assert.True(EscPosReader.Contains(job, first.Ticket.MaskedIdNumber!));
        Assert.False(EscPosReader.Contains(job, idNumber), "the full ID number is never printed");
        File.Delete(kiosk.TicketFile(first.Ticket.Number));

        using var second = await kiosk.Http.PostAsJsonAsync("/api/take", new { serviceId = service.Id, idNumber });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("duplicateTicket", problem!["code"]?.ToString());
        Assert.Equal(first.Ticket.Number, problem["ticket"]!["number"]!.ToString());
        Assert.Empty(Directory.GetFiles(kiosk.PrinterFolder));

        using var reprint = await kiosk.Http.PostAsync($"/api/tickets/{first.Ticket.Id}/reprint", null);
        Assert.Equal(HttpStatusCode.OK, reprint.StatusCode);
        var reprinted = await reprint.Content.ReadFromJsonAsync<TakeResponse>(Json);
        Assert.True(reprinted!.Printed);
        Assert.Equal(first.Ticket.Number, reprinted.Ticket.Number);
        Assert.True(File.Exists(kiosk.TicketFile(first.Ticket.Number)));
    }

    [Fact]
    public async Task Green_channel_needs_a_clerks_staff_code()
    {
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url);
        var service = await hall.OpenServiceAsync("A");

        using var refused = await kiosk.Http.PostAsJsonAsync("/api/take", new { serviceId = service.Id, priority = "green", staffCode = "1001", pin = "0000" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var taken = await TakeAsync(kiosk, new { serviceId = service.Id, priority = "green", staffCode = "1001", pin = DemoCredentials.Pin });
        Assert.Equal(TicketPriority.Green, taken.Ticket.Priority);
        Assert.True(EscPosReader.Contains(await File.ReadAllBytesAsync(kiosk.TicketFile(taken.Ticket.Number)), "绿色通道"));
    }

    [Fact]
    public async Task Services_are_passed_through_for_the_page()
    {
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url);
        var services = await kiosk.Http.GetFromJsonAsync<List<ServiceInfo>>("/api/services", Json);
        Assert.Equal((await hall.ServicesAsync()).Select(s => s.Id), services!.Select(s => s.Id));

        using var qr = await kiosk.Http.GetAsync("/api/qr.svg?text=" + Uri.EscapeDataString("http://hall/t/1"));
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_server_nothing_is_issued_and_the_page_is_told_to_retry()
    {
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync($"http://127.0.0.1:{FreePort.Next()}");

        using var take = await kiosk.Http.PostAsJsonAsync("/api/take", new { serviceId = 1 });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, take.StatusCode);
        var problem = await take.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("serverUnreachable", problem!["code"]?.ToString());
        Assert.True(problem["retryable"]!.GetValue<bool>());
        Assert.Empty(Directory.GetFiles(kiosk.PrinterFolder));

        using var services = await kiosk.Http.GetAsync("/api/services");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, services.StatusCode);
    }

    [Theory]
    [InlineData("--Printer:Transport=usb", "Printer:Transport")]
    [InlineData("--Printer:QrMode=svg", "Printer:QrMode")]
    [InlineData("--Kiosk:IdleSeconds=2", "Kiosk:IdleSeconds")]
    [InlineData("--Kiosk:ServerUrl=not a url", "Kiosk:ServerUrl")]
    public async Task Invalid_settings_stop_start_up_naming_the_setting(string argument, string setting)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Kiosk.StartWithFilePrinterAsync(hall.Url, argument));
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    private static async Task<TakeResponse> TakeAsync(Kiosk kiosk, object body)
    {
        using var response = await kiosk.Http.PostAsJsonAsync("/api/take", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}\n{kiosk.Process.Output}");
        return JsonSerializer.Deserialize<TakeResponse>(text, Json)!;
    }

    private static async Task<string> DecodeWithZbarAsync(string imagePath)
    {
        var info = new ProcessStartInfo("zbarimg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--raw", "-q", imagePath })
        {
            info.ArgumentList.Add(argument);
        }
        using var zbar = Process.Start(info)!;
        var output = await zbar.StandardOutput.ReadToEndAsync();
        var errors = await zbar.StandardError.ReadToEndAsync();
        await zbar.WaitForExitAsync().WaitAsync(TestTimeouts.Slow);
        Assert.True(zbar.ExitCode == 0, $"zbarimg exited {zbar.ExitCode}: {errors}");
        return output.TrimEnd('\n', '\r');
    }
}
