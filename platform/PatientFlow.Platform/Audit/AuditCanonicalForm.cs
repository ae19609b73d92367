using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PatientFlow.Platform.Audit;

/// <summary>
/// The bytes a record's hash is taken over, so anyone can recompute it (docs/audit.md, "The chain"). Each field is a
/// netstring, <c>&lt;UTF-8 byte length in decimal&gt;:&lt;UTF-8 bytes&gt;,</c>, in this order: the form's version
/// (<c>audit-v1</c>), chain, position, occurred-at (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), service, subject, roles,
/// clinics, action, resource type, resource id, patient ids (lower-case <c>D</c> format), outcome, status code, route,
/// source address, trace id, and the previous record's hash (lower-case hex). Lists are sorted (ordinal) and joined by
/// one space; a missing value is the empty string; numbers are invariant decimals; action and outcome are lower-case
/// names. The hash is SHA-256 over these bytes; the first record's previous hash is 32 zero bytes.
/// </summary>
public static class AuditCanonicalForm
{
    public const string Version = "audit-v1";

    public static readonly byte[] GenesisHash = new byte[32];

    public static byte[] HashOf(string chain, long position, AuditEntry entry, byte[] previousHash) =>
        SHA256.HashData(BytesOf(chain, position, entry, previousHash));

    public static byte[] BytesOf(string chain, long position, AuditEntry entry, byte[] previousHash)
    {
        var text = new StringBuilder();
        foreach (var field in Fields(chain, position, entry, previousHash))
        {
            text.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(',');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static IEnumerable<string> Fields(string chain, long position, AuditEntry entry, byte[] previousHash) =>
    [
        Version,
        chain,
        position.ToString(CultureInfo.InvariantCulture),
        entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        entry.Service,
        entry.Subject,
        string.Join(' ', entry.Roles.Order(StringComparer.Ordinal)),
        string.Join(' ', entry.Clinics.Order(StringComparer.Ordinal)),
        Name(entry.Action),
        entry.ResourceType,
        entry.ResourceId ?? "",
        string.Join(' ', entry.PatientIds.Select(id => id.ToString("D")).Order(StringComparer.Ordinal)),
        Name(entry.Outcome),
        entry.StatusCode.ToString(CultureInfo.InvariantCulture),
        entry.Route,
        entry.SourceAddress ?? "",
        entry.TraceId ?? "",
        Convert.ToHexStringLower(previousHash),
    ];

    public static string Name(AuditAction action) => action switch
    {
        AuditAction.SignIn => "sign-in",
        _ => action.ToString().ToLowerInvariant(),
    };

    public static string Name(AuditOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static AuditAction ActionNamed(string name) =>
        name == "sign-in" ? AuditAction.SignIn : Enum.Parse<AuditAction>(name, ignoreCase: true);

    public static AuditOutcome OutcomeNamed(string name) => Enum.Parse<AuditOutcome>(name, ignoreCase: true);
}
