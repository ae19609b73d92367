using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.Tokens;
using PatientFlow.Identity.Clients;
using PatientFlow.Identity.Connect;
using PatientFlow.Identity.Keys;
using PatientFlow.Identity.Staff;
using PatientFlow.Identity.Storage;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Health;

namespace PatientFlow.Identity;

/// <summary>
/// PatientFlow's OpenID Connect issuer (OpenIddict): discovery, JWKS, authorization code with PKCE for people,
/// client credentials for integrators, refresh tokens. Access tokens are RS256 JWTs for the audience
/// <c>patientflow</c>, valid 15 minutes; the services check them against the published keys and hold no key themselves.
/// </summary>
public static class IdentityModule
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);

    public static async Task<WebApplicationBuilder> AddIdentityIssuerAsync(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("identity-db")
            ?? throw new InvalidOperationException("ConnectionStrings:identity-db is not set");
        void Database(DbContextOptionsBuilder options) => options.UseNpgsql(connectionString).UseOpenIddict();
        builder.Services.AddDbContext<IssuerDb>(Database);
        builder.Services.AddHealthChecks().AddCheck("postgres", new PostgresHealthCheck(connectionString), tags: [HealthTags.Ready]);

        // The keys are read (or, in Development, made) before the server is configured, so the schema must exist first.
        var keys = await PrepareAsync(builder, Database);

        builder.Services.AddAntiforgery(options => options.Cookie.Name = "patientflow.identity.antiforgery");
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "patientflow.identity";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.LoginPath = SignInPage.Path;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = false;
            });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IssuerDb>())
            .AddServer(server =>
            {
                if (builder.Configuration["Identity:Issuer"] is { Length: > 0 } issuer)
                {
                    server.SetIssuer(new Uri(issuer));
                }

                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                // PKCE with S256 only: "plain" would hand the verifier to anyone who sees the authorization request.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes(IssuerScopes.All);
                server.SetAccessTokenLifetime(AccessTokenLifetime)
                    .SetRefreshTokenLifetime(TimeSpan.FromHours(10))
                    .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));
                server.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);
                // Access tokens are signed, not encrypted: every service (or another IdP's) validates them from the JWKS.
                server.DisableAccessTokenEncryption();
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (builder.Environment.IsDevelopment())
                {
                    // The development platform speaks plain HTTP on localhost; everywhere else the issuer demands HTTPS.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        builder.Services.AddScoped<IssuerSeed>();
        return builder;
    }

    public static async Task<WebApplication> UseIdentityIssuerAsync(this WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IssuerSeed>().RunAsync(app.Lifetime.ApplicationStopping);
        }

        app.MapSignInPage();
        app.MapConnectEndpoints();
        return app;
    }

    private static async Task<IssuerKeys> PrepareAsync(WebApplicationBuilder builder, Action<DbContextOptionsBuilder> database)
    {
        var options = new DbContextOptionsBuilder<IssuerDb>();
        database(options);
        await using var db = new IssuerDb(options.Options);
        await db.Database.EnsureCreatedAsync();
        return await IssuerKeys.LoadAsync(builder.Configuration, builder.Environment, db, CancellationToken.None);
    }
}
