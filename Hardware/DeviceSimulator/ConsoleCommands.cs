using Hall.Hardware.HallBus;
using Hall.Hardware.Simulators;

namespace Hall.DeviceSimulator;

/// <summary>The commands a person types to press keys and ratings on the simulated devices.</summary>
internal sealed class ConsoleCommands(SimulatedBus? bus, SimulatedIdCardReader? reader, ConsoleReport report, CancellationTokenSource stop)
{
    public const string Help = """
        commands:
          key <caller> <key> [window]   keys: call-next (next), recall, start, finish, no-show, pause, hold, call-back, transfer <window>, or 1-9
          rate <evaluator> <1-5>        5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意
          status                        what every device shows and has heard
          fault <address> on|off        set the hardware fault flag reported to PING
          offline <address>             the device stops answering (as if unplugged); 'online <address>' undoes it
          card lay [1-3]                lay test card 1 (张三), 2 (李小红) or 3 (欧阳建国) on the ID card reader
          card take                     take the card away
          card offline|online|noisy|quiet   the reader stops answering / answers again / answers every command 10 (checksum error)
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
        ["help"] = HallBusKey.Help,
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
        if (words[0].Equals("card", StringComparison.OrdinalIgnoreCase))
        {
            Card(words);
            return;
        }
        if (bus is null && words[0] is not ("quit" or "exit" or "help" or "?"))
        {
            report.Line("no bus devices here; the commands are 'card …', 'help', 'quit'");
            return;
        }
        switch (words[0].ToLowerInvariant())
        {
            case "key" when words.Length >= 3:
                var caller = bus!.Get<SimulatedCaller>(int.Parse(words[1]));
                var key = ParseKey(words[2]);
                byte? argument = words.Length >= 4 ? byte.Parse(words[3]) : null;
                Report(caller, $"key {key}{(argument is { } a ? " " + a : "")}", caller.PressAsync(key, argument, stop.Token));
                break;
            case "rate" when words.Length == 3 && byte.TryParse(words[2], out var level) && RatingLevels.IsDefined(level):
                var evaluator = bus!.Get<SimulatedEvaluator>(int.Parse(words[1]));
                var rating = (RatingLevel)level;
                Report(evaluator, $"rating {level} {rating.ChineseLabel()}", evaluator.RateAsync(rating, stop.Token));
                break;
            case "status":
                foreach (var device in bus!.Devices)
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
                bus!.Get<SimulatedDevice>(int.Parse(words[1])).HardwareFault = words[2].Equals("on", StringComparison.OrdinalIgnoreCase);
                report.Line($"device {words[1]} fault {words[2]}");
                break;
            case "offline" or "online" when words.Length == 2:
                bus!.Get<SimulatedDevice>(int.Parse(words[1])).IsResponsive = words[0].Equals("online", StringComparison.OrdinalIgnoreCase);
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

    private void Card(string[] words)
    {
        if (reader is null)
        {
            report.Line("no ID card reader: start with --id-card-reader /dev/pts/N");
            return;
        }
        switch (words.Length > 1 ? words[1].ToLowerInvariant() : "status")
        {
            case "lay" or "put":
                var number = words.Length > 2 && int.TryParse(words[2], out var n) ? n : 1;
                if (number < 1 || number > TestIdCards.All.Count)
                {
                    report.Line($"test cards are 1 to {TestIdCards.All.Count}");
                    return;
                }
                var card = TestIdCards.All[number - 1];
                reader.Lay(card);
                report.Line($"[ID card reader] card {number} laid: {card}"); // masked: the demo's log shows no full number
                break;
            case "take" or "remove":
                reader.TakeAway();
                report.Line("[ID card reader] card taken away");
                break;
            case "offline" or "online":
                reader.IsResponsive = words[1].Equals("online", StringComparison.OrdinalIgnoreCase);
                report.Line($"[ID card reader] {words[1].ToLowerInvariant()}");
                break;
            case "noisy" or "quiet":
                reader.AnswersChecksumError = words[1].Equals("noisy", StringComparison.OrdinalIgnoreCase);
                report.Line($"[ID card reader] {(reader.AnswersChecksumError ? "answers 10 (checksum error)" : "answers normally")}");
                break;
            default:
                report.Line($"[ID card reader] {(reader.Card is { } laid ? "card " + laid : "no card")}{(reader.IsResponsive ? "" : " OFFLINE")}, {reader.CommandsReceived} commands received");
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
