using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace PatientFlow.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// JWT bearer validation with roles, and the per-route-group policies. With <c>Auth:Authority</c> set, tokens are
    /// checked against that OpenID Connect issuer's published keys (RS256 or ES256 only, audience <c>patientflow</c>) and
    /// this process holds no key; without it (Development only) against the shared development key.
    /// </summary>
    public static IHostApplicationBuilder AddPatientFlowAuthentication(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration["Auth:Authority"] is { Length: > 0 } authority)
        {
            AddIssuerValidation(builder, authority);
        }
        else
        {
            AddSharedKeyValidation(builder);
        }

        builder.Services.AddAuthorization(options =>
        {
            AccessPolicies.Register(options);
            // An endpoint that names no policy still needs a signed-in user; anonymous ones say so (AllowAnonymous).
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }

    private static void AddIssuerValidation(IHostApplicationBuilder builder, string authority)
    {
        var roles = RoleClaimPaths.From(builder.Configuration);
        builder.Services.AddSingleton(roles);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = authority;
                options.Audience = builder.Configuration["Auth:Audience"] ?? TokenClaims.Audience;
                options.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                options.MapInboundClaims = false;
                options.TimeProvider = TimeProvider.System;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                    RoleClaimType = TokenClaims.Role,
                    NameClaimType = "sub",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (context.Principal?.Identity is ClaimsIdentity identity)
                        {
                            roles.AddRoles(identity);
                        }

                        return Task.CompletedTask;
                    },
                };
            });
    }

    private static void AddSharedKeyValidation(IHostApplicationBuilder builder)
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
    }
}
