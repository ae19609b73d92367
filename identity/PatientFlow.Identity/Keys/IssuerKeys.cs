using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using PatientFlow.Identity.Storage;

namespace PatientFlow.Identity.Keys;

/// <summary>
/// The issuer's signing key (RSA: tokens are RS256, verified by anyone through the JWKS) and its encryption key (for what
/// only the issuer reads back: authorization codes, refresh tokens). Outside Development both come from PEM files named by
/// <c>Identity:SigningKeyFile</c> and <c>Identity:EncryptionKeyFile</c>; in Development they are generated once and kept in
/// the issuer's database.
/// </summary>
public sealed record IssuerKeys(RsaSecurityKey Signing, SymmetricSecurityKey Encryption)
{
    public const string SigningUse = "signing";
    public const string EncryptionUse = "encryption";

    public static async Task<IssuerKeys> LoadAsync(IConfiguration configuration, IHostEnvironment environment, IssuerDb db, CancellationToken ct)
    {
        var signingFile = configuration["Identity:SigningKeyFile"];
        var encryptionFile = configuration["Identity:EncryptionKeyFile"];
        if (signingFile is { Length: > 0 } && encryptionFile is { Length: > 0 })
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(await File.ReadAllTextAsync(signingFile, ct));
            var aes = Convert.FromBase64String((await File.ReadAllTextAsync(encryptionFile, ct)).Trim());
            return From(rsa, aes);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Identity:SigningKeyFile (an RSA private key, PEM) and Identity:EncryptionKeyFile (32 random bytes, base64) must be set outside Development.");
        }

        var signing = await KeptAsync(db, SigningUse, () => RSA.Create(2048).ExportPkcs8PrivateKey(), ct);
        var encryption = await KeptAsync(db, EncryptionUse, () => RandomNumberGenerator.GetBytes(32), ct);
        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(signing, out _);
        return From(key, encryption);
    }

    private static IssuerKeys From(RSA rsa, byte[] aes)
    {
        if (aes.Length != 32)
        {
            throw new InvalidOperationException("Identity:EncryptionKeyFile must hold 32 bytes (base64).");
        }

        // The key id names the key in the JWKS and in each token's header: a hash of the public key, so it changes with it.
        var id = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return new IssuerKeys(new RsaSecurityKey(rsa) { KeyId = id }, new SymmetricSecurityKey(aes));
    }

    private static async Task<byte[]> KeptAsync(IssuerDb db, string use, Func<byte[]> generate, CancellationToken ct)
    {
        if (await db.Keys.AsNoTracking().SingleOrDefaultAsync(k => k.Use == use, ct) is { } kept)
        {
            return kept.Material;
        }

        db.Keys.Add(new IssuerKey { Use = use, Material = generate(), CreatedAt = DateTimeOffset.UtcNow });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two replicas started together: the other one's key stands.
            db.ChangeTracker.Clear();
        }

        return (await db.Keys.AsNoTracking().SingleAsync(k => k.Use == use, ct)).Material;
    }
}
