using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Testing.Identity;
using PatientFlow.Tracking.Integrators.Webhooks;

namespace PatientFlow.Tracking.Tests.Webhooks;

/// <summary>A webhook belongs to the client that registered it; another client is answered as if it did not exist.</summary>
public class WebhookOwnershipTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    /// <summary>Every webhook operation on one webhook, as (name, request).</summary>
    private static readonly (string Name, Func<HttpClient, Guid, Task<HttpResponseMessage>> Send)[] Operations =
    [
        ("get", (client, id) => client.GetAsync($"/api/tracking/webhooks/{id}")),
        ("deliveries", (client, id) => client.GetAsync($"/api/tracking/webhooks/{id}/deliveries")),
        ("replay", (client, id) => client.PostAsJsonAsync($"/api/tracking/webhooks/{id}/replay", new { after = 0 })),
        ("dead-letters replay", (client, id) => client.PostAsync($"/api/tracking/webhooks/{id}/dead-letters/replay", null)),
        ("delete", (client, id) => client.DeleteAsync($"/api/tracking/webhooks/{id}")),
    ];

    [Fact]
    public async Task EveryOperation_AnotherClientsWebhook_404LikeAnUnknownId_AndNothingChanges()
    {
        var (alice, bob) = (Client(Roles.Integrator, $"alice-{Guid.NewGuid():N}"), Client(Roles.Integrator, $"bob-{Guid.NewGuid():N}"));
        var alices = await RegisterAsync(alice);
        var bobs = await RegisterAsync(bob);

        foreach (var (name, send) in Operations)
        {
            var foreign = await send(bob, alices.Id);
            var unknown = await send(bob, Guid.NewGuid());

            foreign.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{name} of another client's webhook");
            (await foreign.Content.ReadFromJsonAsync<ProblemDetails>())!.Title
                .Should().Be((await unknown.Content.ReadFromJsonAsync<ProblemDetails>())!.Title, $"{name} answers as for an id that does not exist");
        }

        var listed = await bob.GetAsync("/api/tracking/webhooks").ReadAsAsync<IReadOnlyList<RegisteredWebhook>>();
        listed.Select(w => w.Id).Should().Equal(bobs.Id);
        await using var session = factory.Store.QuerySession();
        var stored = await session.LoadAsync<WebhookSubscription>(alices.Id);
        stored!.Active.Should().BeTrue("bob's delete did not stop it");
        stored.ReplayAfter.Should().BeNull("bob's replay was not recorded");

        // The owner may do every one of them.
        foreach (var (name, send) in Operations)
        {
            (await send(alice, alices.Id)).IsSuccessStatusCode.Should().BeTrue(name);
        }
    }

    [Fact]
    public async Task List_OpsActingForIntegrators_SeesAndManagesEveryClientsWebhooks_WithTheirOwners()
    {
        var alice = $"alice-{Guid.NewGuid():N}";
        var alices = await RegisterAsync(Client(Roles.Integrator, alice));
        var ops = Client(Roles.Ops, $"operator-{Guid.NewGuid():N}");

        var listed = await ops.GetAsync("/api/tracking/webhooks").ReadAsAsync<IReadOnlyList<RegisteredWebhook>>();
        var replay = await ops.PostAsync($"/api/tracking/webhooks/{alices.Id}/dead-letters/replay", null);

        listed.Single(w => w.Id == alices.Id).Owner.Should().Be(alice);
        listed.Should().OnlyContain(w => w.Secret == null);
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Register_TokenWithoutSubject_403()
    {
        var anonymousSubject = Client(Roles.Integrator, "");

        var response = await anonymousSubject.PostAsJsonAsync("/api/tracking/webhooks", new { url = "https://93.184.216.34/hook" });
        var listed = await anonymousSubject.GetAsync("/api/tracking/webhooks");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        listed.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<RegisteredWebhook> RegisterAsync(HttpClient client) =>
        await client.PostAsJsonAsync("/api/tracking/webhooks", new { url = "https://93.184.216.34/hook", clinics = new[] { $"clinic-{Guid.NewGuid():N}" } })
            .ReadAsAsync<RegisteredWebhook>();

    /// <summary>A client with its own subject, as each integrator's token carries (an integrator: every scope, every clinic).</summary>
    private HttpClient Client(string role, string subject) => factory.CreateClient(Caller.ForRole(role).WithSubject(subject));
}
