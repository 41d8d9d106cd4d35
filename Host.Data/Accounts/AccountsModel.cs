using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Pipeline.Host.Data.Accounts;

/// <summary>Tables of the accounts: Identity's under <c>host_</c> names, organisations, recusals, the security log, data-protection keys.</summary>
internal static class AccountsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PipelineUser>(e =>
        {
            e.ToTable("host_users");
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.OrganisationId).HasMaxLength(100);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<IdentityRole>().ToTable("host_roles");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("host_user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("host_user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("host_user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("host_user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("host_role_claims");
        modelBuilder.Entity<DataProtectionKey>().ToTable("host_data_protection_keys");
        modelBuilder.Entity<OrganisationRow>(e =>
        {
            e.ToTable("host_organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasMaxLength(100);
            e.Property(o => o.Kind).HasMaxLength(20);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Jurisdiction).HasMaxLength(100);
            e.Property(o => o.CreditCode).HasMaxLength(18);
            e.HasIndex(o => o.CreditCode).IsUnique();
            e.HasIndex(o => new { o.Kind, o.Jurisdiction });
        });
        modelBuilder.Entity<RecusalRow>(e =>
        {
            e.ToTable("host_recusals");
            e.HasKey(r => new { r.UserId, r.InstitutionId });
            e.Property(r => r.InstitutionId).HasMaxLength(100);
            e.Property(r => r.Relation).HasMaxLength(20);
            e.Property(r => r.RecordedBy).HasMaxLength(200);
            e.HasOne<PipelineUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<SecurityEventRow>(e =>
        {
            e.ToTable("host_security_events");
            e.HasKey(s => s.Id);
            e.Property(s => s.Kind).HasMaxLength(40);
            e.Property(s => s.UserName).HasMaxLength(256);
            e.Property(s => s.Actor).HasMaxLength(200);
            e.Property(s => s.RemoteAddress).HasMaxLength(64);
            e.HasIndex(s => s.At);
            e.HasIndex(s => s.UserId);
        });
    }
}
