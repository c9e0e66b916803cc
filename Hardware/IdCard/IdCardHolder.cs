namespace Hall.Hardware.IdCard;

public enum IdCardGender
{
    Male = 1,
    Female = 2,
}

/// <summary>
/// The card's text (机读文字信息) as typed fields. It holds personal data: pass on only what a purpose needs (the kiosk
/// keeps the name and the ID number, and nothing else). <see cref="ToString"/> shows masked values only, so a stray log
/// line cannot leak the card.
/// </summary>
public sealed record IdCardHolder(
    string Name,
    IdCardGender Gender,
    int NationCode,
    DateOnly BirthDate,
    string Address,
    string IdNumber,
    string IssuingAuthority,
    DateOnly ValidFrom,
    DateOnly? ValidTo)
{
    /// <summary>民族 from the nation code (GB 3304), e.g. 汉; empty for a code outside the table.</summary>
    public string Nation => IdCardNations.Name(NationCode);

    /// <summary>长期 (no end date) when <see cref="ValidTo"/> is null.</summary>
    public bool ValidIndefinitely => ValidTo is null;

    public string MaskedName => IdCardMasking.MaskName(Name);

    public string MaskedIdNumber => IdCardMasking.MaskIdNumber(IdNumber);

    public override string ToString() => $"{MaskedName} {MaskedIdNumber}";
}
