using Hall.Hardware.IdCard;

namespace Hall.Hardware.Simulators;

/// <summary>Made-up cards for the simulator, the demo and tests: valid GB 11643 numbers, no real person.</summary>
public static class TestIdCards
{
    /// <summary>张三, male, 汉, born 1990-03-07, valid until 2030.</summary>
    public static IdCardHolder ZhangSan { get; } = new("张三", IdCardGender.Male, 1, new DateOnly(1990, 3, 7),
        "北京市东城区示范街道幸福路88号", "110101199003074514", "北京市公安局东城分局", new DateOnly(2020, 5, 1), new DateOnly(2030, 5, 1));

    /// <summary>李小红, female, 满, born 1985-06-12.</summary>
    public static IdCardHolder LiXiaohong { get; } = new("李小红", IdCardGender.Female, 11, new DateOnly(1985, 6, 12),
        "上海市徐汇区示范路1弄2号301室", "310104198506122823", "上海市公安局徐汇分局", new DateOnly(2016, 8, 20), new DateOnly(2036, 8, 20));

    /// <summary>欧阳建国, male, 壮, born 1972-01-01, valid indefinitely (长期).</summary>
    public static IdCardHolder OuyangJianguo { get; } = new("欧阳建国", IdCardGender.Male, 8, new DateOnly(1972, 1, 1),
        "广东省深圳市福田区示范大道100号", "440305197201013337", "深圳市公安局福田分局", new DateOnly(2012, 3, 15), null);

    public static IReadOnlyList<IdCardHolder> All { get; } = [ZhangSan, LiXiaohong, OuyangJianguo];
}
