namespace Hall.Contracts.Api;

/// <summary>
/// The header a request carries so that a retry after a lost answer is recognised as the same request: kiosks send it
/// with each take, and a retry gets the same ticket back.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
}
