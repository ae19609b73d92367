namespace PatientFlow.Gateway.Tests;

public class AuthorizationTests(RoutedGateway gateway) : IClassFixture<RoutedGateway>
{
    public static TheoryData<string> Services() => [.. GatewayFactory.ServiceNames];

    /// <summary>
    /// The routes each policy guards: a service's own under <c>/api/&lt;service&gt;</c>; the operations
    /// policy every service's <c>/api/&lt;service&gt;/operations</c>, written <c>&lt;service&gt;/operations</c>.
    /// </summary>
    private static IEnumerable<string> RoutesOf(string policy) => policy == AccessPolicies.Operations
        ? GatewayFactory.ServiceNames.Select(service => $"{service}/operations")
        : [policy];

    /// <summary>Every (route, role) pair the route's policy lets through.</summary>
    public static TheoryData<string, string> Allowed()
    {
        var data = new TheoryData<string, string>();
        foreach (var (policy, roles) in AccessPolicies.RolesByPolicy)
        {
            foreach (var route in RoutesOf(policy))
            {
                foreach (var role in roles)
                {
                    data.Add(route, role);
                }
            }
        }

        return data;
    }

    /// <summary>Every (route, role) pair the route's policy refuses.</summary>
    public static TheoryData<string, string> Refused()
    {
        var data = new TheoryData<string, string>();
        foreach (var (policy, roles) in AccessPolicies.RolesByPolicy)
        {
            foreach (var route in RoutesOf(policy))
            {
                foreach (var role in Roles.All.Except(roles))
                {
                    data.Add(route, role);
                }
            }
        }

        return data;
    }

    private static string Backend(string route) => route.Split('/')[0];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task CallApi_WithoutToken_Answers401ProblemAndServiceNotCalled(string service)
    {
        var path = $"/api/{service}/things/{Guid.NewGuid()}";
        using var client = gateway.Factory.CreateClient();

        var response = await client.GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        gateway.Backend(service).SawPath(path).Should().BeFalse();
    }

    [Fact]
    public async Task CallApi_WithTokenSignedByAnotherKey_Answers401AndServiceNotCalled()
    {
        var path = $"/api/scheduling/things/{Guid.NewGuid()}";
        await using var stranger = new GatewayFactory(new Dictionary<string, Uri>());
        using var client = gateway.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stranger.TokenFor(Roles.FrontDesk));

        var response = await client.GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        gateway.Backend("scheduling").SawPath(path).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task CallApi_WithRoleOutsidePolicy_Answers403ProblemAndServiceNotCalled(string route, string role)
    {
        var path = $"/api/{route}/things/{Guid.NewGuid()}";
        using var client = gateway.Factory.CreateClient(role);

        var response = await client.PostAsJsonAsync(path, new { });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        gateway.Backend(Backend(route)).SawPath(path).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task CallApi_WithRoleInPolicy_ReachesServiceWithAuthorizationForwarded(string route, string role)
    {
        var path = $"/api/{route}/things/{Guid.NewGuid()}";
        using var client = gateway.Factory.CreateClient(role);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = await response.Content.ReadFromJsonAsync<SeenRequest>();
        seen!.Path.Should().Be(path);
        seen.Authorization.Should().Be($"Bearer {client.DefaultRequestHeaders.Authorization!.Parameter}");
    }
}
