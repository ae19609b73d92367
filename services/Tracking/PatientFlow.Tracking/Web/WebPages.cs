using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;

namespace PatientFlow.Tracking.Web;

/// <summary>
/// The flow board at <c>/</c> and the analytics page at <c>/analytics</c>, with their scripts and styles under
/// <c>/assets</c>, from <c>wwwroot</c> as <c>scripts/build-web.sh</c> builds it from <c>web/</c>. Anonymous: the pages
/// hold no data, and every API call they make carries the viewer's token.
/// </summary>
public static class WebPages
{
    /// <summary>Browsers check back before using a stored copy, so a rebuilt page is seen at the next load.</summary>
    private const string Revalidate = "no-cache";

    /// <summary>The scripts and styles, before authentication (UseServiceDefaults' hook): files anyone may fetch are served without a token.</summary>
    public static WebApplication UsePageFiles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Environment.WebRootFileProvider,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = Revalidate,
        });
        return app;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) => Page(http, files, "index.html"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/analytics", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) => Page(http, files, "analytics.html"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Results<FileStreamHttpResult, ProblemHttpResult> Page(HttpContext http, IFileProvider files, string name)
    {
        var page = files.GetFileInfo(name);
        if (!page.Exists)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                detail: $"{name} is not built: run scripts/build-web.sh, then restart the tracking service.");
        }

        http.Response.Headers.CacheControl = Revalidate;
        return TypedResults.Stream(page.CreateReadStream(), "text/html; charset=utf-8", lastModified: page.LastModified);
    }
}
