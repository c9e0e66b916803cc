using System.Reflection;
using Hall.QueueService.Api;
using Hall.QueueService.Problems;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Tests.Problems;

/// <summary>Every refusal in the catalogue has its own stable code, a Chinese and an English sentence, and a status.</summary>
public sealed class ProblemCatalogueTests
{
    public static TheoryData<string> Entries() => [.. Factories().Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Entries))]
    public void An_entry_has_a_code_a_chinese_and_an_english_sentence_and_a_status(string name)
    {
        var problem = Make(Factories().Single(m => m.Name == name));

        Assert.Matches("^[a-z][A-Za-z]+$", problem.Code);
        Assert.Contains(problem.Chinese, IsChinese);
        Assert.False(string.IsNullOrWhiteSpace(problem.English));
        Assert.DoesNotContain(problem.English, IsChinese);
        Assert.Contains(problem.English, char.IsAsciiLetter);
        Assert.Equal(problem.Chinese + problem.English, problem.Detail);
        Assert.Contains(problem.Title, IsChinese);
        Assert.InRange(HallProblemResults.StatusOf(problem.Kind), 400, 499);
    }

    [Fact]
    public void No_two_entries_share_a_code_or_a_sentence()
    {
        var problems = Factories().Select(m => (m.Name, Problem: Make(m))).ToList();

        Assert.True(problems.Count > 100, $"only {problems.Count} entries found");
        // One code is known to clients and tests with two statuses: unknownService, 400 when a request names a service
        // the hall lacks, 404 when the service is the resource asked for.
        var shared = problems.Where(p => p.Name is not nameof(QueueProblems.ServiceNotFound));
        Assert.Empty(shared.GroupBy(p => p.Problem.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Name))}"));
        // Two entries with the same sentence would be one refusal under two names.
        Assert.Empty(shared.GroupBy(p => p.Problem.English).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(p => p.Name))));
    }

    [Fact]
    public void Every_kind_has_a_status_and_too_many_carries_retry_after_seconds()
    {
        Assert.All(Enum.GetValues<ProblemKind>(), kind => Assert.InRange(HallProblemResults.StatusOf(kind), 400, 499));
        Assert.All(Factories().Select(Make).Where(p => p.Kind == ProblemKind.TooMany), p => Assert.True(p.Extensions.ContainsKey("retryAfterSeconds"), p.Code));
    }

    private static IEnumerable<MethodInfo> Factories() =>
        typeof(QueueProblems).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(QueueRuleException)).OrderBy(m => m.Name);

    private static HallProblem Make(MethodInfo factory) =>
        ((QueueRuleException)factory.Invoke(null, [.. factory.GetParameters().Select(p => Sample(p.ParameterType))])!).Problem;

    private static object? Sample(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(int?) => 7,
        _ when type == typeof(long) => 7L,
        _ when type == typeof(bool) => true,
        _ when type == typeof(string) => "A007",
        _ when type == typeof(Guid) => Guid.Parse("00000000-0000-0000-0000-000000000007"),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8)),
        _ when type.IsAssignableFrom(typeof(string[])) => new[] { "open", "closed" },
        _ when type == typeof(object) => null,
        _ => throw new InvalidOperationException($"no sample for {type}"),
    };

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';
}
