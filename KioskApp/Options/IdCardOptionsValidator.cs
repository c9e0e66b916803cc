using Hall.Hardware.Serial;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Options;

/// <summary>Checks the <c>IdCard</c> settings at start-up; every message names the setting.</summary>
public sealed class IdCardOptionsValidator : IValidateOptions<IdCardOptions>
{
    public ValidateOptionsResult Validate(string? name, IdCardOptions options)
    {
        var failures = new List<string>();
        if (!BaudRates.IsSupported(options.BaudRate))
        {
            failures.Add($"IdCard:BaudRate {options.BaudRate} must be one of {string.Join(", ", BaudRates.Supported)}.");
        }
        if (options.PollMilliseconds is < 100 or > 10000)
        {
            failures.Add($"IdCard:PollMilliseconds {options.PollMilliseconds} must be between 100 and 10000.");
        }
        if (options.AnswerTimeoutMilliseconds is < 50 or > 10000)
        {
            failures.Add($"IdCard:AnswerTimeoutMilliseconds {options.AnswerTimeoutMilliseconds} must be between 50 and 10000.");
        }
        if (options.RereadSeconds is < 1 or > 60)
        {
            failures.Add($"IdCard:RereadSeconds {options.RereadSeconds} must be between 1 and 60.");
        }
        if (options.SamePresentationSeconds is < 0 or > 60)
        {
            failures.Add($"IdCard:SamePresentationSeconds {options.SamePresentationSeconds} must be between 0 and 60.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
