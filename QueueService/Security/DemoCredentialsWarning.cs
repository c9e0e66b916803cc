using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security;

/// <summary>Says at every start, in the log, when the administrator still has the documented demo password.</summary>
public sealed partial class DemoCredentialsWarning(IOptions<AdminOptions> options, ILogger<DemoCredentialsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.UsesDemoPassword)
        {
            LogDemoPassword(options.Value.User);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Administrator {User} uses the demo password documented in the README: set Admin:PasswordHash for a real hall")]
    private partial void LogDemoPassword(string user);
}
