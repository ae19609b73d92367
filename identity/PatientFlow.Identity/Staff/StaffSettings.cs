namespace PatientFlow.Identity.Staff;

/// <summary>
/// <c>Identity:Staff:&lt;user name&gt;</c>: a person the issuer signs in. Development seeds one per role and clinic with
/// <see cref="Password"/>; elsewhere give <see cref="PasswordHash"/> (or let the hospital's own identity provider sign
/// staff in and point the services at it).
/// </summary>
public sealed class StaffSettings
{
    /// <summary>The token subject; defaults to <c>staff-&lt;user name&gt;</c>.</summary>
    public string? Id { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>Development only: hashed when seeded, never stored.</summary>
    public string? Password { get; set; }

    public string? PasswordHash { get; set; }

    public string[] Roles { get; set; } = [];

    public string Organization { get; set; } = "";

    public string[] Clinics { get; set; } = [];

    public bool Active { get; set; } = true;
}
