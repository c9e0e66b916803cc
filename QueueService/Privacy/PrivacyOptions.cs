using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Privacy;

/// <summary>Settings under <c>Privacy:</c> (个人信息保护).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";
    public const string IdKeyFileSetting = "Privacy:IdKeyFile";

    /// <summary>Without <see cref="IdKeyFile"/> (Development, tests) the key is this file in the data directory.</summary>
    public const string DefaultIdKeyFileName = "id-number.key";

    /// <summary>
    /// The file (at least 32 random bytes) whose content keys the hash of ID numbers, kept outside the database and
    /// its backups. Production refuses to start without it.
    /// </summary>
    public string? IdKeyFile { get; set; }

    /// <summary>
    /// Days after which the names, phone numbers, ID hashes and masked ID numbers of tickets, appointments, complaints
    /// and follow-ups are erased; the counts, times and ratings that statistics read stay.
    /// </summary>
    [Range(1, 36500, ErrorMessage = "Privacy:RetainDays must be a number of days between 1 and 36500.")]
    public int RetainDays { get; set; } = 180;

    /// <summary>How often the retention sweep runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Privacy:SweepInterval must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
