using Hall.Hardware.HallBus;
using Hall.Hardware.Simulators;

namespace Hall.DeviceSimulator;

/// <summary>The commands a person types to press keys and ratings on the simulated devices.</summary>
internal sealed class ConsoleCommands(SimulatedBus bus, ConsoleReport report, CancellationTokenSource stop)
{
    public const string Help = """
        commands:
          key <caller> <key> [window]   keys: call-next (next), recall, start, finish, no-show, pause, hold, call-back, transfer <window>, or 1-9
          rate <evaluator> <1-5>        5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意
          status                        what every device shows and has heard
          fault <address> on|off        set the hardware fault flag reported to PING
          offline <address>             the device stops answering (as if unplugged); 'online <address>' undoes it
          quit                          stop the simulator
        """;

    private static readonly Dictionary<string, HallBusKey> KeyNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["call-next"] = HallBusKey.CallNext, ["next"] = HallBusKey.CallNext,
        ["recall"] = HallBusKey.Recall,
        ["start"] = HallBusKey.StartService,
        ["finish"] = HallBusKey.Finish,
        ["no-show"] = HallBusKey.NoShow,
        ["pause"] = HallBusKey.PauseResume, ["resume"] = HallBusKey.PauseResume,
        ["hold"] = HallBusKey.Hold,
        ["call-back"] = HallBusKey.CallBackHeld,
        ["transfer"] = HallBusKey.Transfer,
    };

    public async Task RunAsync(TextReader input)
    {
        while (!stop.IsCancellationRequested && await input.ReadLineAsync() is { } line)
        {
            try
            {
                Execute(line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or FormatException or InvalidCastException)
            {
                report.Line(ex.Message);
            }
        }
    }

    private void Execute(string[] words)
    {
        if (words.Length == 0)
        {
            return;
        }
        switch (words[0].ToLowerInvariant())
        {
            case "key" when words.Length >= 3:
                var caller = bus.Get<SimulatedCaller>(int.Parse(words[1]));
                var key = ParseKey(words[2]);
                byte? argument = words.Length >= 4 ? byte.Parse(words[3]) : null;
                Report(caller, $"key {key}{(argument is { } a ? " " + a : "")}", caller.PressAsync(key, argument, stop.Token));
                break;
            case "rate" when words.Length == 3 && byte.TryParse(words[2], out var level) && RatingLevels.IsDefined(level):
                var evaluator = bus.Get<SimulatedEvaluator>(int.Parse(words[1]));
                var rating = (RatingLevel)level;
                Report(evaluator, $"rating {level} {rating.ChineseLabel()}", evaluator.RateAsync(rating, stop.Token));
                break;
            case "status":
                foreach (var device in bus.Devices)
                {
                    var extra = device switch
                    {
                        SimulatedCaller c => $" beeps={c.BeepCount}",
                        SimulatedEvaluator e => e.LastInvitation is { } i ? $" invited for {i.Seconds} s at {i.ReceivedAt.ToLocalTime():HH:mm:ss}" : "",
                        _ => "",
                    };
                    var state = (device.IsResponsive ? "" : " OFFLINE") + (device.HardwareFault ? " FAULT" : "");
                    report.Line($"{ConsoleReport.Name(device)}{state} | {device.Lines[0]} | {device.Lines[1]} |{extra}");
                }
                break;
            case "fault" when words.Length == 3:
                bus.Get<SimulatedDevice>(int.Parse(words[1])).HardwareFault = words[2].Equals("on", StringComparison.OrdinalIgnoreCase);
                report.Line($"device {words[1]} fault {words[2]}");
                break;
            case "offline" or "online" when words.Length == 2:
                bus.Get<SimulatedDevice>(int.Parse(words[1])).IsResponsive = words[0].Equals("online", StringComparison.OrdinalIgnoreCase);
                report.Line($"device {words[1]} {words[0]}");
                break;
            case "quit" or "exit":
                stop.Cancel();
                break;
            case "help" or "?":
                report.Line(Help);
                break;
            default:
                report.Line($"not understood: '{string.Join(' ', words)}'; type 'help'");
                break;
        }
    }

    private static HallBusKey ParseKey(string word) =>
        KeyNames.TryGetValue(word, out var key) ? key
        : byte.TryParse(word, out var code) && Enum.IsDefined((HallBusKey)code) ? (HallBusKey)code
        : throw new ArgumentException($"unknown key '{word}'; type 'help'");

    private void Report(SimulatedDevice device, string what, Task<bool> sending)
    {
        report.Line($"{ConsoleReport.Name(device)} {what}");
        _ = sending.ContinueWith(
            t => report.Line($"{ConsoleReport.Name(device)} {what}: " +
                (t.IsCompletedSuccessfully && t.Result ? "acknowledged" : t.IsCanceled ? "cancelled" : "no acknowledgement after 4 tries")),
            TaskScheduler.Default);
    }
}
