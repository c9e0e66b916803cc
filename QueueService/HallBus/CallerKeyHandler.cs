using Hall.Contracts.Api;
using Hall.Hardware.HallBus;
using Hall.QueueService.Queue;
using Hall.QueueService.Supervision;

namespace Hall.QueueService.HallBus;

/// <summary>
/// Turns a hardware caller's key into the same window action the clerk console performs, acting for the clerk
/// logged in at the caller's window. Returns false when the key is refused (nobody logged in, or a queue rule).
/// </summary>
public sealed class CallerKeyHandler(ClerkSessions sessions, WindowDesk desk, HallQueries queries, HelpCalls helpCalls)
{
    public async Task<bool> HandleAsync(int windowNumber, KeyPress key, CancellationToken cancellationToken)
    {
        var session = await sessions.FindOpenSessionAsync(windowNumber, cancellationToken);
        if (key.Key == HallBusKey.Help)
        {
            // Help is answered whether or not anyone is logged in: the window itself needs the supervisor.
            await helpCalls.RaiseAsync(windowNumber, session?.StaffCode, $"呼叫器 {key.Address}", cancellationToken);
            return true;
        }
        if (session is null)
        {
            return false;
        }
        var actor = new Actor("bus:" + key.Address);
        try
        {
            switch (key.Key)
            {
                case HallBusKey.CallNext:
                    // Nobody waiting is not an error for the console (204); the caller beeps so the clerk knows.
                    return await desk.CallNextAsync(session, actor, cancellationToken) is not null;
                case HallBusKey.Recall:
                    await desk.RecallAsync(session, actor, cancellationToken);
                    break;
                case HallBusKey.StartService:
                    await desk.StartAsync(session, actor, cancellationToken);
                    break;
                case HallBusKey.Finish:
                    // A caller has no outcome to give: 即办件, or refused (the key beeps) where the hall requires one.
                    await desk.FinishAsync(session, null, actor, cancellationToken);
                    break;
                case HallBusKey.NoShow:
                    await desk.NoShowAsync(session, actor, cancellationToken);
                    break;
                case HallBusKey.PauseResume:
                    var window = await queries.GetWindowAsync(windowNumber, cancellationToken);
                    if (window?.State == WindowState.Paused)
                    {
                        await desk.ResumeAsync(session, actor, cancellationToken);
                    }
                    else
                    {
                        await desk.PauseAsync(session, "呼叫器暂停", actor, cancellationToken);
                    }
                    break;
                case HallBusKey.Hold:
                    await desk.HoldAsync(session, actor, cancellationToken);
                    break;
                case HallBusKey.CallBackHeld:
                    await desk.CallBackAsync(session, actor, cancellationToken);
                    break;
                case HallBusKey.Transfer:
                    if (key.Argument is not { } target)
                    {
                        return false;
                    }
                    await desk.TransferAsync(session, new TransferRequest(null, target), actor, cancellationToken);
                    break;
                default:
                    return false;
            }
            return true;
        }
        catch (QueueRuleException)
        {
            return false;
        }
    }
}
