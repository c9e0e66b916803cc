using System.Text;
using Hall.Hardware.IdCard;
using Hall.Hardware.Serial;
using Hall.Hardware.Simulators;
using Hall.TestSupport;
using Hall.TestSupport.Serial;
using Xunit;

namespace Hall.Hardware.Tests.Simulators;

/// <summary>The DeviceSimulator program with --id-card-reader on one end of a pty pair: console commands lay a card and take it away.</summary>
public sealed class IdCardReaderProgramTests
{
    private static readonly TimeSpan Timeout = TestTimeouts.Slow;

    [Fact]
    public async Task Card_lay_puts_a_test_card_on_the_reader_and_card_take_takes_it_away()
    {
        using var pair = await PseudoTerminalPair.StartAsync();
        using var simulator = DeviceSimulatorProgramTests.StartProgram(["--id-card-reader", pair.SecondPath]);
        var output = new StringBuilder();
        simulator.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        simulator.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        simulator.Start();
        simulator.BeginOutputReadLine();
        simulator.BeginErrorReadLine();
        string Output() { lock (output) { return output.ToString(); } }
        try
        {
            await Eventually.TrueAsync(() => Output().Contains("type 'help'", StringComparison.Ordinal), Timeout, Output);
            using var port = SerialPorts.Open(pair.FirstPath, 115200);
            await using var terminal = new IdCardTerminal(port.Stream);

            Assert.IsType<IdCardReading.NoCard>(await terminal.ReadCardAsync());
            await simulator.StandardInput.WriteLineAsync("card lay 1");
            await Eventually.TrueAsync(() => Output().Contains("card 1 laid", StringComparison.Ordinal), Timeout, Output);
            Assert.Equal(TestIdCards.ZhangSan, Assert.IsType<IdCardReading.CardRead>(await terminal.ReadCardAsync()).Card);
            Assert.DoesNotContain(TestIdCards.ZhangSan.IdNumber, Output(), StringComparison.Ordinal); // the log shows it masked

            await simulator.StandardInput.WriteLineAsync("card take");
            await Eventually.TrueAsync(() => Output().Contains("card taken away", StringComparison.Ordinal), Timeout, Output);
            Assert.IsType<IdCardReading.NoCard>(await terminal.ReadCardAsync());

            await simulator.StandardInput.WriteLineAsync("quit");
            await simulator.WaitForExitAsync().WaitAsync(Timeout);
            Assert.Equal(0, simulator.ExitCode);
        }
        finally
        {
            if (!simulator.HasExited)
            {
                simulator.Kill(entireProcessTree: true);
                await simulator.WaitForExitAsync();
            }
        }
    }
}
