using System.Security.Claims;
using PatientFlow.Identity.Clients;
using PatientFlow.Identity.Staff;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Identity.Connect;

/// <summary>What a token says about its holder: subject, roles, organisation, clinics and the scopes granted.</summary>
public static class IssuedClaims
{
    public static ClaimsPrincipal ForStaff(StaffMember staff, IEnumerable<string> scopes) =>
        Principal(staff.Id, staff.DisplayName, staff.Roles, staff.Organization, staff.Clinics, scopes);

    public static ClaimsPrincipal ForClient(ClientGrant client, IEnumerable<string> scopes) =>
        Principal(client.ClientId, client.DisplayName, client.Roles, client.Organization, client.Clinics, scopes);

    private static ClaimsPrincipal Principal(
        string subject, string name, IEnumerable<string> roles, string organization, IEnumerable<string> clinics, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(
            authenticationType: "patientflow-identity", nameType: Claims.Name, roleType: TokenClaims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaims(TokenClaims.Role, [.. roles])
            .SetClaim(TokenClaims.Organization, organization)
            .SetClaims(TokenClaims.Clinic, [.. clinics]);
        identity.SetScopes(scopes);
        identity.SetResources(TokenClaims.Audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            // The display name and roles go to the id token too: the pages show who is signed in.
            Claims.Name or TokenClaims.Role => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
