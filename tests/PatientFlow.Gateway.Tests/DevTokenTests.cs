using Microsoft.AspNetCore.Mvc.Testing;
using PatientFlow.Gateway.DevTokens;
using PatientFlow.ServiceDefaults;

namespace PatientFlow.Gateway.Tests;

public class DevTokenTests
{
    [Fact]
    public async Task IssueDevToken_InDevelopment_TokenOpensTheRoleRoutes()
    {
        await using var scheduling = await StandInBackend.StartAsync("scheduling");
        await using var factory = new GatewayFactory(new Dictionary<string, Uri> { ["scheduling"] = scheduling.Address });
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/token", new { role = Roles.FrontDesk });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = await response.Content.ReadFromJsonAsync<DevTokenResponse>(ApiJson.Options);
        token!.TokenType.Should().Be("Bearer");
        token.ExpiresIn.Should().Be(28800);
        token.Role.Should().Be(Roles.FrontDesk);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        (await client.GetAsync("/api/scheduling/appointments")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/billing/claims")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task IssueDevToken_UnknownRole_Answers422NamingRoleAndListingValidOnes()
    {
        await using var factory = new GatewayFactory(new Dictionary<string, Uri>());
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/token", new { role = "nurse" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var message = problem.GetProperty("errors").GetProperty("role")[0].GetString();
        message.Should().ContainAll(Roles.All);
    }

    [Fact]
    public async Task IssueDevToken_WithoutRole_Answers400NamingRole()
    {
        await using var factory = new GatewayFactory(new Dictionary<string, Uri>());
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/token", new { subject = "someone" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("role", out _).Should().BeTrue();
    }

    [Fact]
    public async Task IssueDevToken_InProduction_Answers404()
    {
        await using var factory = GatewayFactory.Production(new Dictionary<string, Uri>());
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await client.PostAsJsonAsync("/dev/token", new { role = Roles.Ops });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IssueDevToken_SwitchedOffInDevelopment_Answers404()
    {
        await using var factory = new GatewayFactory(new Dictionary<string, Uri>(), settings: new Dictionary<string, string> { [DevTokenEndpoints.Setting] = "false" });
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/token", new { role = Roles.Ops });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
