using System.Collections.Concurrent;
using Hall.Contracts.Api;

namespace Hall.KioskApp.Taking;

/// <summary>
/// The tickets this kiosk has issued or been shown (a duplicate's existing ticket) lately, so it can reprint them.
/// Only these can be reprinted here: the kiosk prints nothing the server has not confirmed to it.
/// </summary>
public sealed class RecentTickets
{
    private const int Capacity = 500;
    private readonly ConcurrentDictionary<Guid, IssuedTicket> _tickets = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    public void Remember(IssuedTicket ticket)
    {
        if (_tickets.TryAdd(ticket.Id, ticket))
        {
            _order.Enqueue(ticket.Id);
            while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _tickets.TryRemove(oldest, out _);
            }
        }
        else
        {
            _tickets[ticket.Id] = ticket;
        }
    }

    public IssuedTicket? Find(Guid id) => _tickets.GetValueOrDefault(id);
}
