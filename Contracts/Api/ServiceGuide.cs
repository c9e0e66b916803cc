using System.Text.Json.Serialization;

namespace Hall.Contracts.Api;

/// <summary>
/// A service's guide (办事指南), as the hall file gives it and the kiosk, the phone pages and the printed guide show
/// it: what the documents ask a hall to make public before a citizen queues (办事公开). Days are working days (工作日),
/// as officials read 法定时限 and 承诺时限.
/// </summary>
public sealed record ServiceGuide
{
    /// <summary>设定依据: the laws and rules the service rests on.</summary>
    public string? Basis { get; init; }

    /// <summary>办理条件: who may apply and what must hold.</summary>
    public string? Conditions { get; init; }

    /// <summary>申请材料 in detail: original or copy, how many. Without it the service's plain materials list is shown.</summary>
    public IReadOnlyList<GuideMaterial> Materials { get; init; } = [];

    /// <summary>办理流程, one step per line.</summary>
    public string? Procedure { get; init; }

    /// <summary>法定办结时限, in working days.</summary>
    public int? StatutoryDays { get; init; }

    /// <summary>承诺办结时限, in working days (at most the statutory limit; 0 means 即办件, done on the spot).</summary>
    public int? PromisedDays { get; init; }

    /// <summary>收费标准及依据 ("不收费" where nothing is charged).</summary>
    public string? Fees { get; init; }

    /// <summary>办理地点 in the hall: floor and area.</summary>
    public string? Location { get; init; }

    /// <summary>咨询电话 for this service.</summary>
    public string? Phone { get; init; }

    /// <summary>网上办理: where the service can be done online, so nobody is made to come to the hall for it.</summary>
    public string? OnlineUrl { get; init; }

    /// <summary>样表 and blank forms the hall ships, each with a download address.</summary>
    public IReadOnlyList<GuideForm> Forms { get; init; } = [];
}

/// <summary>One material to bring: its name, whether the original or a copy is wanted, and how many.</summary>
public sealed record GuideMaterial
{
    public string Name { get; init; } = "";

    public MaterialForm Form { get; init; } = MaterialForm.Original;

    public int Copies { get; init; } = 1;

    public string? Note { get; init; }
}

/// <summary>原件, 复印件, or both (原件核验，收复印件).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MaterialForm>))]
public enum MaterialForm
{
    [JsonStringEnumMemberName("original")] Original,
    [JsonStringEnumMemberName("copy")] Copy,
    [JsonStringEnumMemberName("originalAndCopy")] OriginalAndCopy,
}

/// <summary>A sample or blank form: a name and where to download it (a path on the hall server, or an https address).</summary>
public sealed record GuideForm(string Name, string Url);

/// <summary>The hall's complaint and supervision phones (投诉电话, 监督电话), shown on the kiosk, the ticket, the board and the phone pages.</summary>
public sealed record HallContacts
{
    public string? ComplaintPhone { get; init; }

    public string? SupervisionPhone { get; init; }
}

/// <summary>The answer of <c>GET /api/services/{id}/guide</c>: the service, its plain materials list, its guide and the hall's phones.</summary>
/// <param name="Initials">The pinyin initials of the name (企业开办 → QYKB), for searching on the kiosk's keyboard.</param>
public sealed record ServiceGuideInfo(
    int ServiceId,
    string Prefix,
    string Name,
    string NameEn,
    string Category,
    string? Department,
    string Initials,
    IReadOnlyList<string> Materials,
    ServiceGuide Guide,
    HallContacts Contacts);

/// <summary>One entry of <c>GET /api/guides</c>, the list the kiosk's guide mode browses and searches.</summary>
public sealed record GuideEntry(int ServiceId, string Name, string NameEn, string Category, string Initials, bool Online);
