namespace Hall.Hardware.IdCard;

/// <summary>
/// The data of a successful read (<c>30 01</c>): text length, photo length (big-endian), 256 bytes of text and 1024 of
/// photo. The photo is WLT (compressed and encrypted, only a licensed decoder opens it): its length is checked and the
/// bytes are left where they are, never copied or kept.
/// </summary>
public static class IdCardReadAnswer
{
    public const int PhotoLength = 1024;

    /// <summary>4 length bytes, text, photo.</summary>
    public const int DataLength = 4 + IdCardText.Length + PhotoLength;

    public static IdCardHolder Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length != DataLength)
        {
            throw new FormatException($"The read answer carries {data.Length} data bytes, not {DataLength}.");
        }
        var textLength = (data[0] << 8) | data[1];
        var photoLength = (data[2] << 8) | data[3];
        if (textLength != IdCardText.Length || photoLength != PhotoLength)
        {
            throw new FormatException($"The read answer announces {textLength} bytes of text and {photoLength} of photo, not 256 and 1024.");
        }
        return IdCardText.Decode(data.Slice(4, IdCardText.Length));
    }

    /// <summary>The read answer's data for a card (the simulator's side): the photo bytes are the caller's stand-in for WLT.</summary>
    public static byte[] Encode(IdCardHolder holder, ReadOnlySpan<byte> photo)
    {
        if (photo.Length != PhotoLength)
        {
            throw new ArgumentException($"The photo is {PhotoLength} bytes.", nameof(photo));
        }
        var data = new byte[DataLength];
        data[0] = IdCardText.Length >> 8;
        data[1] = IdCardText.Length & 0xFF;
        data[2] = PhotoLength >> 8;
        data[3] = PhotoLength & 0xFF;
        IdCardText.Encode(holder).CopyTo(data, 4);
        photo.CopyTo(data.AsSpan(4 + IdCardText.Length));
        return data;
    }
}
