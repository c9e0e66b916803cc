using System.Globalization;
using System.Text;

namespace Hall.Hardware.IdCard;

/// <summary>
/// The 256 bytes of card text: UCS-2 little-endian, fixed fields each padded with spaces (<c>20 00</c>): name 30,
/// gender 2, nation 4, birth 16, address 70, ID number 36, issuing authority 30, valid from 16, valid to 16
/// (a date or 长期), reserved 36.
/// </summary>
public static class IdCardText
{
    public const int Length = 256;

    private static readonly Encoding Ucs2 = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);

    // (offset, bytes) of each field.
    private static readonly (int Offset, int Bytes) NameField = (0, 30);
    private static readonly (int Offset, int Bytes) GenderField = (30, 2);
    private static readonly (int Offset, int Bytes) NationField = (32, 4);
    private static readonly (int Offset, int Bytes) BirthField = (36, 16);
    private static readonly (int Offset, int Bytes) AddressField = (52, 70);
    private static readonly (int Offset, int Bytes) IdNumberField = (122, 36);
    private static readonly (int Offset, int Bytes) AuthorityField = (158, 30);
    private static readonly (int Offset, int Bytes) ValidFromField = (188, 16);
    private static readonly (int Offset, int Bytes) ValidToField = (204, 16);

    public const string Indefinite = "长期";

    /// <summary>The typed fields; a <see cref="FormatException"/> naming the field when the text is not a card's.</summary>
    public static IdCardHolder Decode(ReadOnlySpan<byte> text)
    {
        if (text.Length != Length)
        {
            throw new FormatException($"The card text is {text.Length} bytes, not {Length}.");
        }
        var name = Field(text, NameField, "name");
        if (name.Length == 0)
        {
            throw new FormatException("The card text has no name.");
        }
        var gender = Field(text, GenderField, "gender") switch
        {
            "1" => IdCardGender.Male,
            "2" => IdCardGender.Female,
            var other => throw new FormatException($"The gender code '{other}' is neither 1 nor 2."),
        };
        var nationText = Field(text, NationField, "nation");
        if (nationText.Length != 2 || !int.TryParse(nationText, NumberStyles.None, CultureInfo.InvariantCulture, out var nation))
        {
            throw new FormatException($"The nation code '{nationText}' is not two digits.");
        }
        var idNumber = Field(text, IdNumberField, "ID number").ToUpperInvariant();
        if (!IdNumberCheck.IsValid(idNumber))
        {
            throw new FormatException("The ID number on the card is not a valid GB 11643 number.");
        }
        var validTo = Field(text, ValidToField, "valid to");
        return new IdCardHolder(
            name,
            gender,
            nation,
            Date(Field(text, BirthField, "birth date"), "birth date"),
            Field(text, AddressField, "address"),
            idNumber,
            Field(text, AuthorityField, "issuing authority"),
            Date(Field(text, ValidFromField, "valid from"), "valid from"),
            validTo == Indefinite ? null : Date(validTo, "valid to"));
    }

    /// <summary>The card's 256 bytes for a holder (the simulator's side); a field too long for its place is refused.</summary>
    public static byte[] Encode(IdCardHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var text = new byte[Length];
        for (var i = 0; i < Length; i += 2)
        {
            text[i] = 0x20; // every unused character is a space, 20 00
        }
        Put(text, NameField, holder.Name, "name");
        Put(text, GenderField, ((int)holder.Gender).ToString(CultureInfo.InvariantCulture), "gender");
        Put(text, NationField, holder.NationCode.ToString("00", CultureInfo.InvariantCulture), "nation");
        Put(text, BirthField, holder.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture), "birth date");
        Put(text, AddressField, holder.Address, "address");
        Put(text, IdNumberField, holder.IdNumber, "ID number");
        Put(text, AuthorityField, holder.IssuingAuthority, "issuing authority");
        Put(text, ValidFromField, holder.ValidFrom.ToString("yyyyMMdd", CultureInfo.InvariantCulture), "valid from");
        Put(text, ValidToField, holder.ValidTo?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? Indefinite, "valid to");
        return text;
    }

    private static string Field(ReadOnlySpan<byte> text, (int Offset, int Bytes) field, string name)
    {
        try
        {
            return Ucs2.GetString(text.Slice(field.Offset, field.Bytes)).TrimEnd(' ', '\0').Trim();
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException($"The card's {name} is not UCS-2 text.", e);
        }
    }

    private static DateOnly Date(string value, string name) =>
        DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"The card's {name} '{value}' is not a date YYYYMMDD.");

    private static void Put(byte[] text, (int Offset, int Bytes) field, string value, string name)
    {
        var bytes = Ucs2.GetBytes(value);
        if (bytes.Length > field.Bytes)
        {
            throw new ArgumentException($"The {name} '{value}' is longer than its {field.Bytes / 2} characters.", nameof(value));
        }
        bytes.CopyTo(text, field.Offset);
    }
}
