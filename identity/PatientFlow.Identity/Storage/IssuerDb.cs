using PatientFlow.Identity.Keys;
using PatientFlow.Identity.Staff;

namespace PatientFlow.Identity.Storage;

/// <summary>The issuer's database: OpenIddict's applications, authorizations, scopes and tokens, the staff directory and the keys.</summary>
public sealed class IssuerDb(DbContextOptions<IssuerDb> options) : DbContext(options)
{
    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<IssuerKey> Keys => Set<IssuerKey>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.UseOpenIddict();
        model.Entity<StaffMember>(staff =>
        {
            staff.ToTable("staff");
            staff.HasKey(s => s.Id);
            staff.HasIndex(s => s.UserName).IsUnique();
        });
        model.Entity<IssuerKey>(key =>
        {
            key.ToTable("issuer_keys");
            key.HasKey(k => k.Use);
        });
    }
}
