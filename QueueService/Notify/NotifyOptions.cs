using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Notify;

/// <summary>Settings under <c>Notify:</c>: when a waiting citizen is told the turn is near (到号提醒).</summary>
public sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>
    /// A consenting ticket gets its "near" message once the people ahead of it are this many or fewer (also at issue,
    /// when it is already that close). The tracking page uses the same figure.
    /// </summary>
    [Range(0, 99, ErrorMessage = "Notify:AheadThreshold must be a number of people between 0 and 99.")]
    public int AheadThreshold { get; set; } = 3;
}
