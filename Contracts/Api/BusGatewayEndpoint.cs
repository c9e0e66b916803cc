namespace Hall.Contracts.Api;

/// <summary>The hall server's WebSocket for a bus gateway: hall bus bytes as binary messages, both ways.</summary>
public static class BusGatewayEndpoint
{
    public const string Path = "/bus/gateway";
}
