using System.Net;
using Microsoft.AspNetCore.Hosting;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.Tracking.Tests.Api;

/// <summary>
/// The pages' files are anyone's (they hold no data) although every endpoint without AllowAnonymous needs a token:
/// tracking serves them before authentication, with the security headers and its own caching.
/// </summary>
public class PageFilesTests(PageFilesTests.PagesFactory factory) : IClassFixture<PageFilesTests.PagesFactory>
{
    /// <summary>Tracking with a web root of its own, so the test does not depend on scripts/build-web.sh having run.</summary>
    public sealed class PagesFactory : TrackingFactory
    {
        private readonly string _webRoot = Directory.CreateTempSubdirectory("patientflow-pages-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
            File.WriteAllText(Path.Combine(_webRoot, "index.html"), "<!doctype html><title>Flow board</title>");
            File.WriteAllText(Path.Combine(_webRoot, "assets", "board.js"), "document.title = 'board';");
            builder.UseWebRoot(_webRoot);
        }
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/assets/board.js", "text/javascript")]
    public async Task GetPageFile_WithoutToken_ServedRevalidatedWithSecurityHeaders(string path, string mediaType)
    {
        var response = await factory.CreateAnonymousClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(SecurityHeaders.ContentSecurityPolicy);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Fact]
    public async Task GetMissingFile_WithoutToken_Answers404()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/assets/missing.js");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetBoard_WithoutToken_Answers401NotStored()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/api/tracking/board/snapshot?clinic=north");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }
}
