namespace Hall.QueueService.Security;

/// <summary>
/// What a PIN must be. Everywhere: at least 4 characters. In Production: at least 6 digits, not one digit repeated,
/// not a run up or down (123456, 654321), not the clerk's own staff code.
/// </summary>
public static class PinPolicy
{
    public const int ProductionLength = 6;

    /// <summary>Why the PIN is refused (Chinese and English), or null when it is acceptable.</summary>
    public static string? Problem(string staffCode, string? pin, bool production)
    {
        if (pin is not { Length: >= 4 })
        {
            return "密码至少 4 位。The PIN must have at least 4 digits.";
        }
        if (!production)
        {
            return null;
        }
        if (pin.Length < ProductionLength || !pin.All(char.IsAsciiDigit))
        {
            return $"密码须为至少 {ProductionLength} 位数字。The PIN must have at least {ProductionLength} digits.";
        }
        if (pin.All(c => c == pin[0]))
        {
            return "密码不能是同一个数字重复。The PIN must not be one digit repeated.";
        }
        if (IsRun(pin, 1) || IsRun(pin, -1))
        {
            return "密码不能是连续数字（如 123456）。The PIN must not be a run such as 123456.";
        }
        if (pin == staffCode.Trim())
        {
            return "密码不能与工号相同。The PIN must not be the staff number.";
        }
        return null;
    }

    private static bool IsRun(string pin, int step)
    {
        for (var i = 1; i < pin.Length; i++)
        {
            if ((pin[i] - '0' - (pin[i - 1] - '0') + 10) % 10 != (step + 10) % 10)
            {
                return false;
            }
        }
        return true;
    }
}
