using Hall.Contracts.Api;

namespace Hall.KioskApp.Taking;

/// <summary>200 answer of <c>POST /api/take</c> and of a reprint: the confirmed ticket and whether it came out of the printer.</summary>
/// <param name="PrintError">Why it did not print, for the citizen (Chinese); null when printed.</param>
public sealed record TakeResponse(IssuedTicket Ticket, bool Printed, string? PrintError);
