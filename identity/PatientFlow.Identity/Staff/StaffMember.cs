namespace PatientFlow.Identity.Staff;

/// <summary>
/// A person who signs in to PatientFlow: their roles, their organisation and the clinics they work in. The access token
/// carries all three; services check the clinics against the patient's or visit's clinic.
/// </summary>
public sealed class StaffMember
{
    /// <summary>The token's subject: stable, opaque, never the user name.</summary>
    public required string Id { get; init; }

    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash (<see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/>).</summary>
    public required string PasswordHash { get; set; }

    public required string[] Roles { get; set; }

    public required string Organization { get; set; }

    /// <summary>Clinic codes, or <c>*</c> for every clinic of the organisation (billing and operations staff who serve them all).</summary>
    public required string[] Clinics { get; set; }

    public bool Active { get; set; } = true;
}
