namespace Hall.Hardware.IdCard;

/// <summary>The nation codes (民族代码, GB 3304) a card's text carries: <c>01</c> 汉 … <c>56</c> 基诺.</summary>
public static class IdCardNations
{
    private static readonly string[] Names =
    [
        "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
        "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
        "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
        "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
        "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
        "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
    ];

    public static string Name(int code) => code is >= 1 and <= 56 ? Names[code - 1] : "";
}
