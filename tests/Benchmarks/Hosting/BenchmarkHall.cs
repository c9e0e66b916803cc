using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hall.Benchmarks.Hosting;

/// <summary>
/// A hall file for the issuing run: the demo hall with many services of quota 999 (the most three-digit numbers allow),
/// so that ten seconds of issuing at full speed never runs into the daily quota. Window 1 serves them all.
/// </summary>
public static class BenchmarkHall
{
    private static readonly string[] Categories = ["市场准入", "投资建设", "国土规划", "交通运输", "环境保护", "安全生产", "城市管理", "民生保障"];

    public const int DailyQuota = 999;

    public static IReadOnlyList<int> Write(string path, int services)
    {
        var hall = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "QueueService", "HallSetup", "DemoHall.json")))!.AsObject();
        var list = new JsonArray();
        var ids = new List<int>();
        for (var i = 0; i < services; i++)
        {
            var id = i + 1;
            ids.Add(id);
            list.Add(new JsonObject
            {
                ["id"] = id,
                ["code"] = string.Create(CultureInfo.InvariantCulture, $"BENCH-{id:000}"),
                ["name"] = string.Create(CultureInfo.InvariantCulture, $"压测事项{id}"),
                ["nameEn"] = string.Create(CultureInfo.InvariantCulture, $"Load test service {id}"),
                ["category"] = Categories[i % Categories.Length],
                ["prefix"] = Prefix(i),
                ["dailyQuota"] = DailyQuota,
                ["materials"] = new JsonArray("申请表", "身份证件"),
                ["promisedMinutes"] = 30,
                ["typicalServiceMinutes"] = 10,
                ["waitAlertMinutes"] = 30,
            });
        }
        hall["services"] = list;
        foreach (var window in hall["windows"]!.AsArray())
        {
            var w = window!.AsObject();
            // Window 1 serves everything; the other windows keep their demo services, which all still exist.
            if ((int)w["number"]! == 1)
            {
                w["serviceIds"] = new JsonArray(ids.Select(x => (JsonNode?)x).ToArray());
            }
        }
        File.WriteAllText(path, hall.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return ids;
    }

    /// <summary>AA, AB, … AZ, BA, …: two capital letters, unique for up to 676 services.</summary>
    private static string Prefix(int index) =>
        new([(char)('A' + index / 26), (char)('A' + index % 26)]);
}
