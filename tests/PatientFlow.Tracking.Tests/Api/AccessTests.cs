using System.Net;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Tracking.Tests.Api;

public class AccessTests(TrackingFactory factory) : IClassFixture<TrackingFactory>
{
    public static TheoryData<string> Paths => new() { "/api/tracking/board", "/api/tracking/visits/0198c3a4-5b6e-7f00-9a1b-2c3d4e5f6071/timeline" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Get_NoToken_Unauthorized(string path) =>
        (await factory.CreateAnonymousClient().GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Get_BillingRole_Forbidden(string path) =>
        (await factory.CreateClient(Roles.Billing).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

    [Theory]
    [InlineData(Roles.Ops)]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.Integrator)]
    public async Task GetBoard_TrackingRole_Ok(string role) =>
        (await factory.CreateClient(role).GetAsync("/api/tracking/board")).StatusCode.Should().Be(HttpStatusCode.OK);
}
