using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using PatientFlow.Identity.Storage;

namespace PatientFlow.Identity.Tests;

public class StaffSignInTests(IssuerFactory issuer) : IClassFixture<IssuerFactory>
{
    [Fact]
    public async Task FrontDesk_SignsInWithPkce_TokenNamesAnOpaqueSubjectTheRoleTheOrganisationAndTheClinic()
    {
        var answer = await IssuerClient.SignInAsync(issuer.Browser(), "frontdesk.north");

        var validated = await issuer.ValidateAsync(answer.AccessToken);
        validated.IsValid.Should().BeTrue(validated.Exception?.Message);
        var token = (JsonWebToken)validated.SecurityToken;
        token.Subject.Should().Be("staff-frontdesk.north");
        token.Claims.Where(c => c.Type == "role").Select(c => c.Value).Should().Equal("front-desk");
        token.Claims.Where(c => c.Type == "clinic").Select(c => c.Value).Should().Equal("north");
        token.GetClaim("org").Value.Should().Be("patientflow-health");
        (token.ValidTo - token.IssuedAt).Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(15));
        answer.RefreshToken.Should().NotBeNullOrEmpty();
        answer.IdToken.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task WrongPassword_ShowsTheSignInPageAgain_AndTheClientGetsNoCode()
    {
        var signIn = () => IssuerClient.AuthorizeAsync(issuer.Browser(), "clinician.east", "not-the-password");

        (await signIn.Should().ThrowAsync<InvalidOperationException>()).WithMessage("sign-in of clinician.east: expected a redirect, got 401");
    }

    [Fact]
    public async Task UnknownUser_IsAnsweredExactlyAsAWrongPassword()
    {
        var browser = issuer.Browser();
        var (unknown, wrong) = (await PostSignInAsync(browser, "nobody.here"), await PostSignInAsync(browser, "clinician.east"));

        unknown.Status.Should().Be(HttpStatusCode.Unauthorized);
        wrong.Status.Should().Be(unknown.Status);
        StripTokens(wrong.Body).Should().Be(StripTokens(unknown.Body));
    }

    [Fact]
    public async Task Code_RedeemedWithoutTheRightVerifier_OrTwice_IsRefused()
    {
        var browser = issuer.Browser();
        var (code, verifier) = await IssuerClient.AuthorizeAsync(browser, "clinician.north", IssuerClient.DevelopmentPassword);

        var wrongVerifier = () => IssuerClient.RedeemAsync(browser, code, verifier[..^2] + "xx");
        (await wrongVerifier.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*invalid_grant*");

        // A code that was presented with a wrong verifier is spent; a fresh one works once, then never again.
        var (fresh, freshVerifier) = await IssuerClient.AuthorizeAsync(issuer.Browser(), "clinician.north", IssuerClient.DevelopmentPassword);
        (await IssuerClient.RedeemAsync(browser, fresh, freshVerifier)).AccessToken.Should().NotBeNullOrEmpty();
        var again = () => IssuerClient.RedeemAsync(browser, fresh, freshVerifier);
        (await again.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*invalid_grant*");
    }

    [Fact]
    public async Task Authorize_WithoutPkce_IsRefused()
    {
        var browser = issuer.Browser();
        await IssuerClient.AuthorizeAsync(browser, "ops", IssuerClient.DevelopmentPassword);

        using var response = await browser.GetAsync(
            $"/connect/authorize?client_id={IssuerClient.ToolsClient}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(IssuerClient.ToolsRedirectUri)}");

        // OpenIddict answers on its own page rather than send the browser back with an error: the request names the client's
        // redirect URI but is not one the client may make.
        response.Headers.Location.Should().BeNull();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("error:invalid_request").And.Contain("code_challenge");
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlToAnotherSite_StaysOnTheIssuer()
    {
        var browser = issuer.Browser();
        foreach (var elsewhere in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example/" })
        {
            var (status, body, location) = await PostSignInAsync(browser, "billing", IssuerClient.DevelopmentPassword, elsewhere);

            status.Should().Be(HttpStatusCode.Redirect, body);
            location.Should().Be("/");
        }
    }

    [Fact]
    public async Task Refresh_PicksUpRoleChanges_AndIsRefusedOnceThePersonIsDeactivated()
    {
        var browser = issuer.Browser();
        var first = await IssuerClient.SignInAsync(browser, "lab.south");
        await ChangeAsync("lab.south", staff => staff.Clinics = ["south", "east"]);

        var refreshed = await IssuerClient.RefreshAsync(browser, first.RefreshToken!);
        var token = new JsonWebToken(refreshed.AccessToken);
        token.Claims.Where(c => c.Type == "clinic").Select(c => c.Value).Should().Equal("south", "east");

        await ChangeAsync("lab.south", staff => staff.Active = false);
        var again = () => IssuerClient.RefreshAsync(browser, refreshed.RefreshToken!);
        (await again.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*invalid_grant*");
    }

    private async Task ChangeAsync(string userName, Action<Staff.StaffMember> change)
    {
        await using var scope = issuer.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IssuerDb>();
        change(await db.Staff.SingleAsync(s => s.UserName == userName));
        await db.SaveChangesAsync();
    }

    private static async Task<(HttpStatusCode Status, string Body, string? Location)> PostSignInAsync(
        HttpClient browser, string userName, string password = "not-the-password", string returnUrl = "/")
    {
        var page = await browser.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["username"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
    }

    private static string StripTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "value=\"[^\"]*\"", "value=\"\"");
}
