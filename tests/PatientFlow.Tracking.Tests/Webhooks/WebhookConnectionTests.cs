using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Integrators.Webhooks;

namespace PatientFlow.Tracking.Tests.Webhooks;

/// <summary>Changes <see cref="HttpClient.DefaultProxy"/>, which every HttpClient of the process reads: run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessProxyCollection
{
    public const string Name = "process proxy";
}

/// <summary>
/// Deliveries as tracking sends them outside development, to targets given as address literals, so nothing here
/// depends on DNS. A configured proxy is an address on the public internet where nothing listens: a delivery that went
/// through it would fail with a network error or time out, not be refused.
/// </summary>
[Collection(ProcessProxyCollection.Name)]
public class WebhookConnectionTests
{
    public enum Proxy
    {
        None,

        /// <summary>HTTP_PROXY, HTTPS_PROXY or ALL_PROXY: what <see cref="HttpClient.DefaultProxy"/> is made from.</summary>
        Environment,

        /// <summary>The webhook client's own handler given a proxy, as a deployment's extra configuration might.</summary>
        Client,
    }

    private static readonly Uri NowhereProxy = new("http://93.184.216.34:9");

    public static TheoryData<string, Proxy> RestrictedWithAndWithoutProxy
    {
        get
        {
            var data = new TheoryData<string, Proxy>();
            foreach (var address in TargetAddresses.Restricted)
            {
                foreach (var proxy in Enum.GetValues<Proxy>())
                {
                    data.Add(address, proxy);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RestrictedWithAndWithoutProxy))]
    public async Task Delivery_RestrictedAddress_RefusedAtConnection_ProxyOrNot(string address, Proxy proxy)
    {
        var attempt = await AttemptAsync(new Uri($"https://{TargetAddresses.Host(address)}/hook"), proxy);

        attempt.StatusCode.Should().BeNull();
        attempt.Error.Should().Contain(proxy == Proxy.Client ? "do not go through a proxy" : "resolves only to restricted addresses");
    }

    [Fact]
    public async Task Delivery_PlainHttpOutsideDevelopment_RefusedBeforeConnecting()
    {
        var attempt = await AttemptAsync(new Uri("http://93.184.216.34/hook"), Proxy.None);

        attempt.Error.Should().Contain("plain http, refused outside development");
    }

    private static async Task<DeliveryAttempt> AttemptAsync(Uri target, Proxy proxy)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddOptions<WebhookOptions>().Configure(options => options.AttemptTimeout = TimeSpan.FromSeconds(2));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSender>();
        WebhookSender.Configure(services);
        if (proxy == Proxy.Client)
        {
            services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler((handler, _) =>
            {
                var sockets = (SocketsHttpHandler)handler;
                sockets.UseProxy = true;
                sockets.Proxy = new WebProxy(NowhereProxy);
            });
        }

        await using var provider = services.BuildServiceProvider();
        var subscription = new WebhookSubscription(
            Guid.NewGuid(), target, [], [], PayloadScope.Ids, WebhookSignature.NewSecret(), "test-integrator", DateTimeOffset.UtcNow, 0);
        var delivery = new WebhookDelivery(
            WebhookDelivery.IdOf(subscription.Id, 1), subscription.Id, 1, Guid.NewGuid(), Guid.NewGuid(), "test", DeliveryStatus.Pending, 0,
            DateTimeOffset.UtcNow, null, null, "{}", []);
        var processProxy = HttpClient.DefaultProxy;
        if (proxy == Proxy.Environment)
        {
            HttpClient.DefaultProxy = new WebProxy(NowhereProxy);
        }

        try
        {
            return await provider.GetRequiredService<WebhookSender>().SendAsync(subscription, delivery, CancellationToken.None);
        }
        finally
        {
            HttpClient.DefaultProxy = processProxy;
        }
    }
}
