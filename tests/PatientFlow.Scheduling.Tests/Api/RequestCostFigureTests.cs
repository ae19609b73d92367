using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Testing.Audit;
using PatientFlow.Testing.Identity;
using Xunit.Abstractions;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>
/// What audit and token validation add to a request, as ratios against the same service in the same run without them:
/// the same database, the same patients, requests interleaved so drift on a shared machine falls on all variants alike.
/// A figure, not a target: nothing here fails on a time.
/// </summary>
public class RequestCostFigureTests(SchedulingFactory factory, ITestOutputHelper output) : IClassFixture<SchedulingFactory>
{
    private const int Rounds = 300;
    private const int WarmUp = 40;

    [Fact]
    public async Task ReadAndRegisterPatients_WithAndWithoutAuditAndTokenValidation_ReportsTheirCost()
    {
        var caller = Caller.Staff(Roles.FrontDesk).WithSubject("desk-cost");
        var full = factory.CreateClient(caller);
        await using var unaudited = factory.WithWebHostBuilder(builder => builder.UseSetting(AuditSettings.OffSetting, "true"));
        var tokenOnly = ClientOf(unaudited, factory.TokenFor(caller));
        await using var neither = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting(AuditSettings.OffSetting, "true");
            builder.ConfigureTestServices(services => services
                .Configure<AuthenticationOptions>(options => options.DefaultScheme = options.DefaultAuthenticateScheme =
                    options.DefaultChallengeScheme = options.DefaultForbidScheme = TrustedCaller.SchemeName)
                .AddAuthentication().AddScheme<AuthenticationSchemeOptions, TrustedCaller>(TrustedCaller.SchemeName, _ => { }));
        });
        var bare = neither.CreateClient();
        var patients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => factory.RegisterPatientAsync()));
        var log = new AuditLog(factory.AuditDatabaseConnectionString);

        var variants = new (string Name, HttpClient Client)[] { ("audit + token", full), ("token only", tokenOnly), ("neither", bare) };
        var reads = variants.ToDictionary(variant => variant.Name, _ => new List<double>());
        var writes = variants.ToDictionary(variant => variant.Name, _ => new List<double>());
        var recordsBefore = await log.LastIdAsync();
        for (var round = 0; round < WarmUp + Rounds; round++)
        {
            // Each round runs the variants in a rotated order, so none is always first after a pause.
            foreach (var (name, client) in variants.Skip(round % 3).Concat(variants.Take(round % 3)))
            {
                var read = await TimedAsync(() => client.GetAsync($"/api/scheduling/patients/{patients[round % patients.Length]}"));
                var write = await TimedAsync(() => client.PostAsJsonAsync("/api/scheduling/patients", SchedulingFactory.NewPatient()));
                if (round >= WarmUp)
                {
                    reads[name].Add(read);
                    writes[name].Add(write);
                }
            }
        }

        // Only the audited variant wrote records: 2 per round (a read and a create).
        var records = await log.ScalarAsync<long>($"SELECT count(*) FROM {AuditSchema.Table} WHERE id > {recordsBefore}");
        records.Should().Be(2 * (WarmUp + Rounds), "the audited variant records each of its requests and the others none");
        var rs256 = Rs256ValidationMicroseconds();
        foreach (var (what, times) in new[] { ("read patient", reads), ("register patient", writes) })
        {
            var baseline = Median(times["neither"]);
            Figures.Report(output, $"request cost, {what} (median of {Rounds}, in process)",
                $"neither {baseline:0.00} ms; token only {Median(times["token only"]):0.00} ms (x{Median(times["token only"]) / baseline:0.00}); " +
                $"audit + token {Median(times["audit + token"]):0.00} ms (x{Median(times["audit + token"]) / baseline:0.00}); " +
                $"p95 {Percentile(times["neither"], 0.95):0.00} / {Percentile(times["token only"], 0.95):0.00} / {Percentile(times["audit + token"], 0.95):0.00} ms");
        }

        Figures.Report(output, "RS256 token validation (2048-bit key, the issuer's), median of 2,000", $"{rs256:0.0} µs");
    }

    private static HttpClient ClientOf(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> unaudited, string token)
    {
        var client = unaudited.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<double> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        using var answer = await send();
        await answer.Content.ReadAsByteArrayAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        ((int)answer.StatusCode).Should().BeLessThan(300, await answer.Content.ReadAsStringAsync());
        return elapsed;
    }

    /// <summary>The validation the services do with the issuer's keys, alone: an RS256 access token, signature and claims.</summary>
    private static double Rs256ValidationMicroseconds()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "cost" };
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.example", Audience = TokenClaims.Audience, Expires = DateTime.UtcNow.AddMinutes(10),
            Subject = new ClaimsIdentity(Caller.Staff(Roles.FrontDesk).Claims()),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "https://issuer.example", ValidAudience = TokenClaims.Audience, IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        };
        var times = new List<double>();
        for (var i = 0; i < 2_200; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = handler.ValidateTokenAsync(token, parameters).GetAwaiter().GetResult();
            var elapsed = watch.Elapsed.TotalMicroseconds;
            result.IsValid.Should().BeTrue();
            if (i >= 200)
            {
                times.Add(elapsed);
            }
        }

        return Median(times);
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double share) => values.Order().ElementAt((int)Math.Min(values.Count - 1, share * values.Count));

    /// <summary>Signs in every request as front desk in every clinic without reading a token: the "no token validation" variant.</summary>
    private sealed class TrustedCaller(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "trusted";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var identity = new ClaimsIdentity(Caller.Staff(Roles.FrontDesk).WithSubject("desk-cost").Claims(), SchemeName, "sub", TokenClaims.Role);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
