using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using PatientFlow.Identity.Clients;
using PatientFlow.Identity.Staff;

namespace PatientFlow.Identity.Storage;

/// <summary>
/// Brings the database in line with configuration at start: the schema, every configured client (created or updated:
/// configuration is the truth for clients) and every configured staff member.
/// </summary>
public sealed class IssuerSeed(
    IssuerDb db,
    IOpenIddictApplicationManager applications,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<IssuerSeed> logger)
{
    public const string RolesProperty = "roles";
    public const string OrganizationProperty = "org";
    public const string ClinicsProperty = "clinics";

    public async Task RunAsync(CancellationToken ct)
    {
        var clients = configuration.GetSection("Identity:Clients").GetChildren()
            .Select(section => (Id: section.Key, Settings: section.Get<ClientSettings>() ?? new ClientSettings()));
        foreach (var (clientId, settings) in clients)
        {
            await UpsertClientAsync(clientId, settings, ct);
        }

        var staff = configuration.GetSection("Identity:Staff").GetChildren()
            .Select(section => (UserName: section.Key, Settings: section.Get<StaffSettings>() ?? new StaffSettings()));
        foreach (var (userName, settings) in staff)
        {
            await UpsertStaffAsync(userName, settings, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task UpsertClientAsync(string clientId, ClientSettings settings, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = settings.DisplayName,
            ClientSecret = settings.Secret,
            ClientType = settings.Secret is { Length: > 0 } ? ClientTypes.Confidential : ClientTypes.Public,
            // First-party applications: a signed-in person is not asked to consent again.
            ConsentType = ConsentTypes.Implicit,
        };
        foreach (var uri in settings.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in settings.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        foreach (var grant in settings.Grants)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
            if (grant == GrantTypes.AuthorizationCode)
            {
                descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession, Permissions.ResponseTypes.Code]);
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            }
        }

        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        foreach (var scope in settings.Scopes)
        {
            if (!IssuerScopes.All.Contains(scope))
            {
                throw new InvalidOperationException($"Identity:Clients:{clientId}:Scopes names an unknown scope '{scope}'.");
            }

            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(settings.Roles);
        descriptor.Properties[OrganizationProperty] = JsonSerializer.SerializeToElement(settings.Organization);
        descriptor.Properties[ClinicsProperty] = JsonSerializer.SerializeToElement(settings.Clinics);

        if (await applications.FindByClientIdAsync(clientId, ct) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
        else
        {
            await applications.CreateAsync(descriptor, ct);
        }

        logger.LogInformation("Client {ClientId} registered ({Grants})", clientId, string.Join(", ", settings.Grants));
    }

    private async Task UpsertStaffAsync(string userName, StaffSettings settings, CancellationToken ct)
    {
        var hasher = new PasswordHasher<StaffMember>();
        string hash;
        if (settings.PasswordHash is { Length: > 0 } given)
        {
            hash = given;
        }
        else if (settings.Password is { Length: > 0 } password && environment.IsDevelopment())
        {
            hash = hasher.HashPassword(null!, password);
        }
        else
        {
            throw new InvalidOperationException(
                $"Identity:Staff:{userName} needs PasswordHash (a plain Password is accepted in Development only).");
        }

        var existing = await db.Staff.SingleOrDefaultAsync(s => s.UserName == userName, ct);
        if (existing is null)
        {
            db.Staff.Add(new StaffMember
            {
                Id = settings.Id ?? $"staff-{userName}",
                UserName = userName,
                DisplayName = settings.DisplayName,
                PasswordHash = hash,
                Roles = settings.Roles,
                Organization = settings.Organization,
                Clinics = settings.Clinics,
                Active = settings.Active,
            });
            return;
        }

        existing.DisplayName = settings.DisplayName;
        existing.Roles = settings.Roles;
        existing.Organization = settings.Organization;
        existing.Clinics = settings.Clinics;
        existing.Active = settings.Active;
        // A development password stays as first hashed (a new salt each start would change nothing but the row).
        if (settings.PasswordHash is { Length: > 0 } || hasher.VerifyHashedPassword(existing, existing.PasswordHash, settings.Password!) == PasswordVerificationResult.Failed)
        {
            existing.PasswordHash = hash;
        }
    }
}
