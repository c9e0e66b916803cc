using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Security.Production;

/// <summary>
/// HTTPS with a certificate file, configured the way the README documents it (Kestrel's own endpoint settings), in
/// Production: the server answers over TLS with exactly that certificate.
/// </summary>
public sealed class HttpsStartTests
{
    [Fact]
    public async Task The_server_answers_over_HTTPS_with_the_configured_certificate_file()
    {
        var hall = new ProductionHall();
        using var certificate = SelfSigned();
        var certificateFile = Path.Combine(hall.Directory, "hall.pfx");
        await File.WriteAllBytesAsync(certificateFile, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
        var httpPort = FreePort.Next();
        var httpsPort = FreePort.Next();
        hall.Arguments["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{httpPort}";   // where the test waits for /health
        hall.Arguments["Kestrel:Endpoints:Https:Url"] = $"https://127.0.0.1:{httpsPort}";
        hall.Arguments["Kestrel:Endpoints:Https:Certificate:Path"] = certificateFile;
        hall.Arguments["Kestrel:Endpoints:Https:Certificate:Password"] = "pfx-password";
        await using var server = await HostProcess.StartAsync("QueueService", httpPort, hall.CommandLine, environment: ProductionHall.Environment);

        string? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                presented = cert?.Thumbprint;
                return cert?.Thumbprint == certificate.Thumbprint;
            },
        };
        using var https = new HttpClient(handler);
        var response = await https.GetAsync($"https://127.0.0.1:{httpsPort}/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(certificate.Thumbprint, presented);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=hall.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
