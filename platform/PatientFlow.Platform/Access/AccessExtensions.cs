using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Access;

public static class AccessExtensions
{
    public const string OrganizationSetting = "PatientFlow:Organization";

    /// <summary>The caller's <see cref="ClinicScope"/> per request, the break-glass log, and the organisation this deployment serves.</summary>
    public static IHostApplicationBuilder AddClinicScoping(this IHostApplicationBuilder builder)
    {
        var organization = builder.Configuration[OrganizationSetting] is { Length: > 0 } configured ? configured : AccessOptions.DefaultOrganization;
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(services => ClinicScope.Of(
            services.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal(), organization));
        builder.Services.TryAddSingleton<IBreakGlassLog, MartenBreakGlassLog>();
        builder.Services.AddSingleton<IExceptionProblems, AccessRefusedProblems>();
        return builder;
    }

    /// <summary>The clinic check of routes that name a record (<see cref="ClinicOfRecordExtensions.RequireClinicOf{TBuilder}(TBuilder, string, ClinicOfRecord.Finder, Func{string, Exception})"/>): after authorization, before the handler.</summary>
    public static WebApplication UseClinicScoping(this WebApplication app)
    {
        app.UseMiddleware<ClinicScopeMiddleware>();
        return app;
    }
}
