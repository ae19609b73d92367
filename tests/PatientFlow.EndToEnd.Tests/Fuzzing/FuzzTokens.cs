using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing.Platform;

namespace PatientFlow.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Valid tokens for every role (several subjects each, so the gateway's per-caller rate limit is not what answers), and tokens
/// the gateway must refuse: expired, not yet valid, forged, <c>alg: none</c>, tampered, for another audience or issuer, garbage.
/// The refused ones are minted as the platform's <see cref="TokenIssuer"/> mints, with its key where that is the point.
/// </summary>
internal sealed class FuzzTokens
{
    private const int SubjectsPerRole = 4;

    private readonly Dictionary<string, string[]> _valid;

    private FuzzTokens(Dictionary<string, string[]> valid, IReadOnlyList<(string Kind, string? Header)> refused)
    {
        _valid = valid;
        Refused = refused;
    }

    /// <summary>Each with the Authorization header it sends (null: none).</summary>
    public IReadOnlyList<(string Kind, string? Header)> Refused { get; }

    public string Valid(string role, Random random) => _valid[role][random.Next(SubjectsPerRole)];

    public static async Task<FuzzTokens> MintAsync(RunningPlatform platform)
    {
        using var gateway = new HttpClient { BaseAddress = platform.Platform.GatewayUrl };
        var valid = new Dictionary<string, string[]>();
        foreach (var role in Roles.All)
        {
            var tokens = new string[SubjectsPerRole];
            for (var i = 0; i < SubjectsPerRole; i++)
            {
                var response = await gateway.PostAsJsonAsync("/dev/token", new { role, subject = $"fuzz-{role}-{i}" });
                response.EnsureSuccessStatusCode();
                tokens[i] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            }

            valid[role] = tokens;
        }

        // The issuer and audience the platform's tokens carry, read from one of them.
        var sample = valid[Roles.Ops][0];
        var claims = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(sample.Split('.')[1])).RootElement;
        var issuer = claims.GetProperty("iss").GetString()!;
        var audience = claims.GetProperty("aud").GetString()!;
        var key = new SymmetricSecurityKey(Convert.FromBase64String(platform.Platform.SigningKey));
        var now = DateTimeOffset.UtcNow;
        string Mint(string iss, string aud, SecurityKey signing, DateTimeOffset at, TimeSpan lifetime) =>
            new TokenIssuer(new TokenSettings(iss, aud, (SymmetricSecurityKey)signing), new FixedClock(at)).Issue(Roles.Ops, "fuzz-refused", lifetime);

        var header = sample.Split('.')[0];
        var payload = sample.Split('.')[1];
        var tamperedClaims = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(valid[Roles.FrontDesk][0].Split('.')[1])).Replace("\"front-desk\"", "\"ops\"", StringComparison.Ordinal)));
        var none = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var refused = new List<(string, string?)>
        {
            ("absent", null),
            ("expired", Bearer(Mint(issuer, audience, key, now.AddHours(-3), TimeSpan.FromHours(1)))),
            ("not yet valid", Bearer(Mint(issuer, audience, key, now.AddHours(2), TimeSpan.FromHours(1)))),
            ("forged signature", Bearer(Mint(issuer, audience, new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), now, TimeSpan.FromHours(1)))),
            ("wrong audience", Bearer(Mint(issuer, "someone-else", key, now, TimeSpan.FromHours(1)))),
            ("wrong issuer", Bearer(Mint("https://evil.example", audience, key, now, TimeSpan.FromHours(1)))),
            ("alg none", Bearer($"{none}.{payload}.")),
            ("alg none, signature kept", Bearer($"{none}.{payload}.{sample.Split('.')[2]}")),
            ("signature stripped", Bearer($"{header}.{payload}.")),
            ("tampered role", Bearer($"{header}.{tamperedClaims}.{valid[Roles.FrontDesk][0].Split('.')[2]}")),
            ("garbage", Bearer("abc.def.ghi")),
            ("empty bearer", "Bearer "),
            ("huge bearer", Bearer(new string('A', 6000))),
            ("basic scheme", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:ops"))),
            ("token without scheme", sample),
        };
        return new FuzzTokens(valid, refused);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
