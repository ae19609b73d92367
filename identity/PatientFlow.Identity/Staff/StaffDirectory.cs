using Microsoft.AspNetCore.Identity;
using PatientFlow.Identity.Storage;

namespace PatientFlow.Identity.Staff;

/// <summary>Finding staff and checking their passwords.</summary>
public static class StaffDirectory
{
    private static readonly PasswordHasher<StaffMember> Hasher = new();

    /// <summary>Checked against when the user name is unknown, so a wrong name takes as long as a wrong password.</summary>
    private static readonly string NobodysHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public static async Task<StaffMember?> FindActiveAsync(IssuerDb db, string? subject, CancellationToken ct) =>
        subject is null ? null : await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subject && s.Active, ct);

    /// <summary>The active staff member with this user name and password; null for a wrong name or password alike.</summary>
    public static async Task<StaffMember?> CheckPasswordAsync(IssuerDb db, string userName, string password, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.UserName == userName && s.Active, ct);
        var checkedHash = Hasher.VerifyHashedPassword(staff!, staff?.PasswordHash ?? NobodysHash, password);
        return staff is not null && checkedHash != PasswordVerificationResult.Failed ? staff : null;
    }
}
