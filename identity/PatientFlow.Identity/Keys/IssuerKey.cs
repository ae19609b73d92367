namespace PatientFlow.Identity.Keys;

/// <summary>A key the issuer generated for itself (Development): kept in its database so tokens survive a restart.</summary>
public sealed class IssuerKey
{
    /// <summary><c>signing</c> (RSA, PKCS#8) or <c>encryption</c> (AES-256, raw).</summary>
    public required string Use { get; init; }

    public required byte[] Material { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
