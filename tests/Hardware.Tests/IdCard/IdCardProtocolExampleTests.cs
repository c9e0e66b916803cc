using Hall.Hardware.IdCard;
using Hall.Hardware.Simulators;
using Xunit;

namespace Hall.Hardware.Tests.IdCard;

/// <summary>Every example of id-card-reader-protocol.md, byte for byte, both ways, and the read answer's layout.</summary>
public sealed class IdCardProtocolExampleTests
{
    [Fact]
    public void Find_card_is_the_documented_ten_bytes()
    {
        Assert.Equal(Hex("AA AA AA 96 69 00 03 20 01 22"), IdCardFrames.Command(IdCardCommand.FindCard));
    }

    [Theory]
    [InlineData(0x20, 0x02, "AA AA AA 96 69 00 03 20 02 21")]
    [InlineData(0x30, 0x01, "AA AA AA 96 69 00 03 30 01 32")]
    [InlineData(0x11, 0xFF, "AA AA AA 96 69 00 03 11 FF ED")]
    public void Every_command_is_preamble_length_3_command_parameter_and_the_xor_checksum(byte code, byte parameter, string hex)
    {
        Assert.Equal(Hex(hex), IdCardFrames.Command(code, parameter));
        Assert.NotNull(IdCardCommand.Find(code, parameter));
    }

    [Fact]
    public void The_documented_answers_encode_and_decode_to_their_status_and_data()
    {
        Assert.Equal(Hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"), IdCardFrames.Answer(IdCardStatus.CardFound, [0, 0, 0, 0]));
        Assert.Equal(Hex("AA AA AA 96 69 00 04 00 00 80 84"), IdCardFrames.Answer(IdCardStatus.NoCard, []));

        var found = Assert.Single(IdCardFrameDecoder.ForAnswers().Feed(Hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97")));
        Assert.Equal((byte)0x9F, found.Status);
        Assert.Equal(new byte[4], found.Data.ToArray());
        var none = Assert.Single(IdCardFrameDecoder.ForAnswers().Feed(Hex("AA AA AA 96 69 00 04 00 00 80 84")));
        Assert.Equal(IdCardStatus.NoCard, none.Status);
        Assert.Equal(0, none.Data.Length);
    }

    [Fact]
    public void The_read_answer_is_LEN_0508_with_text_0100_photo_0400_and_ucs2_fields_padded_with_spaces()
    {
        var data = IdCardReadAnswer.Encode(TestIdCards.ZhangSan, new byte[1024]);
        var frame = IdCardFrames.Answer(IdCardStatus.Success, data);

        Assert.Equal(7 + 0x0508, frame.Length);
        Assert.Equal(Hex("AA AA AA 96 69 05 08 00 00 90 01 00 04 00"), frame[..14]);
        var text = frame.AsSpan(14, 256);
        Assert.Equal(Hex("20 5F 09 4E 20 00"), text[..6].ToArray());             // 张 三 then a space
        Assert.Equal(Hex("31 00"), text.Slice(30, 2).ToArray());                    // gender 1
        Assert.Equal(Hex("30 00 31 00"), text.Slice(32, 4).ToArray());              // nation 01
        Assert.Equal("19900307", System.Text.Encoding.Unicode.GetString(text.Slice(36, 16)));
        Assert.Equal("110101199003074514", System.Text.Encoding.Unicode.GetString(text.Slice(122, 36)));
        Assert.Equal(Hex("20 00"), text.Slice(254, 2).ToArray());                   // reserved: spaces
        Assert.Equal(IdCardFrames.Checksum(frame.AsSpan(5, frame.Length - 6)), frame[^1]);
    }

    [Fact]
    public void The_card_text_decodes_into_typed_fields()
    {
        var card = IdCardReadAnswer.Decode(IdCardReadAnswer.Encode(TestIdCards.OuyangJianguo, new byte[1024]));

        Assert.Equal("欧阳建国", card.Name);
        Assert.Equal(IdCardGender.Male, card.Gender);
        Assert.Equal("壮", card.Nation);
        Assert.Equal(new DateOnly(1972, 1, 1), card.BirthDate);
        Assert.Equal("广东省深圳市福田区示范大道100号", card.Address);
        Assert.Equal("440305197201013337", card.IdNumber);
        Assert.Equal("深圳市公安局福田分局", card.IssuingAuthority);
        Assert.Equal(new DateOnly(2012, 3, 15), card.ValidFrom);
        Assert.True(card.ValidIndefinitely);
        Assert.Equal("欧**国", card.MaskedName);
        Assert.Equal("**************3337", card.MaskedIdNumber);
        Assert.Equal("欧**国 **************3337", card.ToString()); // nothing else in a log line
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张*丰")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("阿依古丽·买买提", "阿***·**提")]
    [InlineData("王", "*")]
    public void Names_are_masked_keeping_the_first_and_last_character(string name, string masked)
    {
        Assert.Equal(masked, IdCardMasking.MaskName(name));
    }

    [Theory]
    [InlineData(30, "31 00", "2A 00")]            // gender '*'
    [InlineData(32, "30 00 31 00", "41 00 42 00")] // nation 'AB'
    [InlineData(44, "30 00", "39 00")]            // birth month 93: not a date
    [InlineData(122, "31 00", "32 00")]           // ID number: check digit no longer matches
    [InlineData(0, "20 5F 09 4E", "20 00 20 00")] // no name
    [InlineData(0, "20 5F", "00 D8")]              // a lone surrogate is not UCS-2 text
    public void A_text_that_is_not_a_cards_is_refused(int offset, string original, string replacement)
    {
        var data = IdCardReadAnswer.Encode(TestIdCards.ZhangSan, new byte[1024]);
        Assert.Equal(Hex(original), data.AsSpan(4 + offset, Hex(original).Length).ToArray());
        Hex(replacement).CopyTo(data, 4 + offset);
        Assert.Throws<FormatException>(() => IdCardReadAnswer.Decode(data));
    }

    [Fact]
    public void Wrong_text_or_photo_lengths_are_refused()
    {
        var data = IdCardReadAnswer.Encode(TestIdCards.ZhangSan, new byte[1024]);
        Assert.Throws<FormatException>(() => IdCardReadAnswer.Decode(data.AsSpan(0, data.Length - 1)));
        data[3] = 0x01;
        Assert.Throws<FormatException>(() => IdCardReadAnswer.Decode(data));
    }

    internal static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
