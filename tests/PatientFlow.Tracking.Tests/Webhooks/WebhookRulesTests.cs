using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PatientFlow.Tracking.Integrators.Webhooks;

namespace PatientFlow.Tracking.Tests.Webhooks;

public class WebhookRulesTests
{
    private static readonly DateTimeOffset Signed = DateTimeOffset.FromUnixTimeSeconds(1614265330);
    private static readonly TargetPolicy Production = new(AllowHttp: false, AllowPrivate: false);
    private static readonly TargetPolicy Development = new(AllowHttp: true, AllowPrivate: true);

    [Fact]
    public void Sign_StandardWebhooksExample_GivesThePublishedSignature()
    {
        // The example in the Standard Webhooks specification.
        var signature = WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));

        signature.Should().Be("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    [Fact]
    public void Verify_AuthenticFreshDelivery_Passes_TamperedStaleOrWrongSecret_Fails()
    {
        var secret = WebhookSignature.NewSecret();
        var body = Encoding.UTF8.GetBytes("{\"id\":\"e1\",\"data\":{\"visitId\":\"v1\"}}");
        var signature = WebhookSignature.Sign(secret, "e1", Signed.ToUnixTimeSeconds(), body);
        var timestamp = Signed.ToUnixTimeSeconds().ToString();

        WebhookSignature.Verify(secret, "e1", timestamp, signature, body, Signed.AddSeconds(30)).Should().BeTrue();
        WebhookSignature.Verify(secret, "e1", timestamp, $"v1,bm90IHRoaXMgb25l {signature}", body, Signed).Should().BeTrue("any listed signature may match (key rotation)");
        WebhookSignature.Verify(secret, "e1", timestamp, signature, Encoding.UTF8.GetBytes("{\"id\":\"e1\",\"data\":{\"visitId\":\"v2\"}}"), Signed).Should().BeFalse("the body was changed");
        WebhookSignature.Verify(secret, "e2", timestamp, signature, body, Signed).Should().BeFalse("the id was changed");
        WebhookSignature.Verify(secret, "e1", (Signed.ToUnixTimeSeconds() + 1).ToString(), signature, body, Signed).Should().BeFalse("the timestamp was changed");
        WebhookSignature.Verify(secret, "e1", timestamp, signature, body, Signed.AddMinutes(6)).Should().BeFalse("a capture replayed later is stale");
        WebhookSignature.Verify(WebhookSignature.NewSecret(), "e1", timestamp, signature, body, Signed).Should().BeFalse("another secret");
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false)]
    [InlineData("whsec_short", false)]
    [InlineData("whsec_not base64!", false)]
    public void KeyOf_OnlyWhsecBase64SecretsOfEnoughBytes(string secret, bool usable) =>
        (WebhookSignature.KeyOf(secret) is not null).Should().Be(usable);

    [Fact]
    public void RetrySchedule_ReceiverDownForDays_RetriesWithGrowingJitteredWaitsForThreeDaysThenDeadLetters()
    {
        var options = new WebhookOptions();
        var random = new Random(7);
        var first = Signed;
        var now = first;
        var waits = new List<TimeSpan>();
        for (var attempts = 1; ; attempts++)
        {
            if (RetrySchedule.Next(options, attempts, first, now, random) is not { } next)
            {
                break;
            }

            waits.Add(next - now);
            now = next;
        }

        // The last attempt is made once 3 days have passed, and no later than one longest wait after that.
        (now - first).Should().BeGreaterThanOrEqualTo(TimeSpan.FromDays(3)).And.BeLessThan(TimeSpan.FromDays(3) + TimeSpan.FromHours(7.2));
        waits[0].Should().BeCloseTo(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
        waits.Take(8).Zip(waits.Skip(1)).Should().OnlyContain(pair => pair.Second > pair.First, "waits double while they are short");
        waits.Should().OnlyContain(wait => wait <= TimeSpan.FromHours(6) * 1.2);
        waits.Skip(15).Should().NotBeEmpty().And.OnlyContain(wait => wait >= TimeSpan.FromHours(6) * 0.8, "long waits settle at the cap, jittered");
        waits.Skip(15).Distinct().Should().HaveCountGreaterThan(1, "jitter spreads retries");
    }

    [Theory]
    [MemberData(nameof(TargetAddresses.RestrictedData), MemberType = typeof(TargetAddresses))]
    public void TargetGuard_LoopbackPrivateLinkLocalReservedAndTheirIPv6Forms_Restricted(string address) =>
        TargetGuard.IsRestricted(IPAddress.Parse(address)).Should().BeTrue();

    [Theory]
    [MemberData(nameof(TargetAddresses.PublicData), MemberType = typeof(TargetAddresses))]
    public void TargetGuard_PublicAddresses_Allowed(string address) =>
        TargetGuard.IsRestricted(IPAddress.Parse(address)).Should().BeFalse();

    [Theory]
    [MemberData(nameof(TargetAddresses.RestrictedData), MemberType = typeof(TargetAddresses))]
    public async Task TargetGuard_Registration_RestrictedAddress_RefusedOutsideDevelopment_AndInDevelopmentWithoutTheSetting(string address)
    {
        var url = new Uri($"https://{TargetAddresses.Host(address)}/hook");

        (await TargetGuard.ProblemWithAsync(url, Production, CancellationToken.None)).Should().Contain("loopback, private, link-local or reserved");
        (await TargetGuard.ProblemWithAsync(url, Development with { AllowPrivate = false }, CancellationToken.None)).Should().Contain("loopback, private, link-local or reserved");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook", false, "https URL")]
    [InlineData("http://93.184.216.34/hook", false, "https URL")]
    [InlineData("http://93.184.216.34/hook", true, null)]
    [InlineData("ftp://93.184.216.34/hook", false, "https URL")]
    [InlineData("ftp://93.184.216.34/hook", true, "http or https")]
    [InlineData("https://user:pw@93.184.216.34/hook", false, "credentials")]
    [InlineData("https://93.184.216.34/hook", false, null)]
    [InlineData("https://[64:ff9b::5db8:d822]/hook", false, null)]
    [InlineData("http://127.0.0.1:9000/hook", true, null)]
    public async Task TargetGuard_Registration(string url, bool development, string? problem)
    {
        var found = await TargetGuard.ProblemWithAsync(new Uri(url), development ? Development : Production, CancellationToken.None);

        if (problem is null)
        {
            found.Should().BeNull();
        }
        else
        {
            found.Should().Contain(problem);
        }
    }

    [Fact]
    public void TargetPolicy_PrivateTargetsSetting_HonouredInDevelopmentOnly()
    {
        var allowing = new WebhookOptions { AllowPrivateTargets = true };

        TargetPolicy.For(new HostingEnvironment { EnvironmentName = Environments.Development }, allowing).Should().Be(Development);
        TargetPolicy.For(new HostingEnvironment { EnvironmentName = Environments.Development }, new WebhookOptions()).Should().Be(Development with { AllowPrivate = false });
        TargetPolicy.For(new HostingEnvironment { EnvironmentName = Environments.Production }, allowing).Should().Be(Production);
        TargetPolicy.For(new HostingEnvironment { EnvironmentName = Environments.Staging }, allowing).Should().Be(Production);
    }
}
