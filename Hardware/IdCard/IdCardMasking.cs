namespace Hall.Hardware.IdCard;

/// <summary>What a screen or a ticket may show of a card: the name masked (张*三) and the number's last four digits.</summary>
public static class IdCardMasking
{
    /// <summary>张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜; a middle dot (·) of a transliterated name stays.</summary>
    public static string MaskName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Trim().ToCharArray();
        if (chars.Length == 0)
        {
            return "";
        }
        if (chars.Length == 1)
        {
            return "*";
        }
        var last = chars.Length == 2 ? chars.Length : chars.Length - 1;
        for (var i = 1; i < last; i++)
        {
            if (chars[i] != '·')
            {
                chars[i] = '*';
            }
        }
        return new string(chars);
    }

    /// <summary><c>**************1234</c>, as the hall server masks it.</summary>
    public static string MaskIdNumber(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        return new string('*', Math.Max(0, idNumber.Length - 4)) + idNumber[^Math.Min(4, idNumber.Length)..];
    }
}
