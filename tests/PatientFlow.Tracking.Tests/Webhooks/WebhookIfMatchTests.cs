using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Tracking.Integrators.Webhooks;

namespace PatientFlow.Tracking.Tests.Webhooks;

/// <summary>A subscription's revision is its ETag; replays and deactivation take If-Match as every command does.</summary>
public class WebhookIfMatchTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    private readonly HttpClient _integrator = factory.CreateClient(Roles.Integrator);

    public static TheoryData<string> Changes => ["replay", "dead-letters/replay", "deactivation"];

    [Fact]
    public async Task RegisterAndGet_AnswerTheRevisionAsETag()
    {
        var registered = await _integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = "http://127.0.0.1:9/hook" });
        var id = (await registered.ReadAsAsync<RegisteredWebhook>()).Id;

        registered.Headers.ETag.Should().Be(new EntityTagHeaderValue("\"1\""));
        (await _integrator.GetAsync($"/api/tracking/webhooks/{id}")).Headers.ETag.Should().Be(new EntityTagHeaderValue("\"1\""));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_CurrentIfMatch_MadeWithTheNextRevisionAsETag(string change)
    {
        var id = await RegisterAsync();

        var response = await _integrator.SendAsync(Change(change, id, "\"1\""));

        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        response.Headers.ETag.Should().Be(new EntityTagHeaderValue("\"2\""));
        (await SubscriptionAsync(id)).Revision.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_MalformedIfMatch_400NamingIfMatchAndChangesNothing(string change)
    {
        var id = await RegisterAsync();

        var response = await _integrator.SendAsync(Change(change, id, "revision-one"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("If-Match");
        await ShouldBeUnchangedAsync(id);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_StaleIfMatch_412WithTheCurrentRevisionAndChangesNothing(string change)
    {
        var id = await RegisterAsync();

        var response = await _integrator.SendAsync(Change(change, id, "\"7\""));

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("field").GetString().Should().Be("If-Match");
        problem.GetProperty("currentVersion").GetInt64().Should().Be(1);
        await ShouldBeUnchangedAsync(id);
    }

    [Fact]
    public async Task Replay_TwoWithTheSameIfMatchAtOnce_OneIsMadeTheOther412()
    {
        var id = await RegisterAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _integrator.SendAsync(Change("replay", id, "\"1\""))));

        answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Accepted, HttpStatusCode.PreconditionFailed]);
        (await SubscriptionAsync(id)).Revision.Should().Be(2);
    }

    private async Task<Guid> RegisterAsync() =>
        (await _integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = "http://127.0.0.1:9/hook" }).ReadAsAsync<RegisteredWebhook>()).Id;

    private static HttpRequestMessage Change(string change, Guid id, string ifMatch)
    {
        var request = change == "deactivation"
            ? new HttpRequestMessage(HttpMethod.Delete, $"/api/tracking/webhooks/{id}")
            : new HttpRequestMessage(HttpMethod.Post, $"/api/tracking/webhooks/{id}/{change}")
            {
                Content = change == "replay" ? JsonContent.Create(new { after = 0 }) : null,
            };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private async Task<WebhookSubscription> SubscriptionAsync(Guid id)
    {
        await using var session = factory.Store.QuerySession();
        return (await session.LoadAsync<WebhookSubscription>(id))!;
    }

    private async Task ShouldBeUnchangedAsync(Guid id)
    {
        var subscription = await SubscriptionAsync(id);
        subscription.Revision.Should().Be(1);
        subscription.Active.Should().BeTrue();
        subscription.ReplayAfter.Should().BeNull();
    }
}
