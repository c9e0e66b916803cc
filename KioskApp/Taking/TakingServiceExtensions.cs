namespace Hall.KioskApp.Taking;

public static class TakingServiceExtensions
{
    /// <summary>Taking a number: the flow from the touch page's request to the printed ticket, and the recent takes.</summary>
    public static IHostApplicationBuilder AddTaking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RecentTickets>();
        builder.Services.AddTransient<TicketTaking>();
        return builder;
    }
}
