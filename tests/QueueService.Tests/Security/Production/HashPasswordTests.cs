using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Tests.Security.Production;

/// <summary><c>dotnet QueueService.dll hash-password</c>: the password from standard input, the hash on standard output.</summary>
public sealed class HashPasswordTests
{
    [Fact]
    public async Task The_printed_hash_verifies_the_password_read_from_standard_input()
    {
        var (code, output, error) = await ProductionHall.RunAsync("correct horse battery staple", "hash-password");
        Assert.True(code == 0, error);
        var hash = output.Trim();
        Assert.True(PinHasher.IsHash(hash), output);
        Assert.True(PinHasher.Verify("correct horse battery staple", hash));
        Assert.False(PinHasher.Verify("correct horse battery", hash));
        Assert.DoesNotContain("correct horse", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_is_refused()
    {
        var (code, output, error) = await ProductionHall.RunAsync("short", "hash-password");
        Assert.NotEqual(0, code);
        Assert.Equal("", output.Trim());
        Assert.Contains("at least 8 characters", error, StringComparison.Ordinal);
    }
}
