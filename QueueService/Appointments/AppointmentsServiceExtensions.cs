namespace Hall.QueueService.Appointments;

public static class AppointmentsServiceExtensions
{
    /// <summary>Booking, cancelling and checking in (预约), and the sweep that marks missed appointments.</summary>
    public static IServiceCollection AddAppointments(this IServiceCollection services)
    {
        services.AddSingleton<AppointmentBook>();
        services.AddSingleton<MissedAppointmentSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<MissedAppointmentSweeper>());
        return services;
    }
}
