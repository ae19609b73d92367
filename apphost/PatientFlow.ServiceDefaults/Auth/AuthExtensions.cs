using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace PatientFlow.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>JWT bearer validation with roles, and the per-route-group policies.</summary>
    public static IHostApplicationBuilder AddPatientFlowAuthentication(this IHostApplicationBuilder builder)
    {
        var settings = TokenSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        // Tokens live in real time: a simulated clock (PatientFlow:Clock) may run hours ahead or behind, and
        // validation below checks lifetimes against real time too.
        builder.Services.AddSingleton(services => new TokenIssuer(services.GetRequiredService<TokenSettings>(), TimeProvider.System));
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TimeProvider = TimeProvider.System;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = settings.SigningKey,
                    RoleClaimType = "role",
                    NameClaimType = "sub",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorization(options =>
        {
            AccessPolicies.Register(options);
            // An endpoint that names no policy still needs a signed-in user; anonymous ones say so (AllowAnonymous).
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }
}
