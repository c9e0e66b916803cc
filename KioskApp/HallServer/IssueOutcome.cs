using System.Text.Json.Nodes;
using Hall.Contracts.Api;

namespace Hall.KioskApp.HallServer;

/// <summary>What became of one <c>POST /api/tickets</c>. The cases differ in what the kiosk may safely do next.</summary>
public abstract record IssueOutcome
{
    private IssueOutcome()
    {
    }

    /// <summary>201: the server confirmed the ticket.</summary>
    public sealed record Issued(IssuedTicket Ticket) : IssueOutcome;

    /// <summary>4xx: the server said no, with a problem document for the citizen. A duplicate carries the existing ticket.</summary>
    public sealed record Refused(int StatusCode, JsonObject Problem, IssuedTicket? ExistingTicket) : IssueOutcome;

    /// <summary>The request never reached the server (no connection): trying again cannot make a second ticket.</summary>
    public sealed record NotDelivered(string Reason) : IssueOutcome;

    /// <summary>The request may have reached the server but no answer came (time-out, cut connection, 5xx): a ticket may exist.</summary>
    public sealed record Unconfirmed(string Reason) : IssueOutcome;
}
