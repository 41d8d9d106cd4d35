using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Data.Accounts;

namespace Pipeline.Host.Data.Institutions;

/// <summary>Tables of the institutions and contracts registry (issue 14): contracts and renewals, registrations, annual reviews, the blacklist.</summary>
internal static class RegistryModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContractRow>(e =>
        {
            e.ToTable("host_contracts");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(40);
            e.Property(c => c.Jurisdiction).HasMaxLength(100);
            e.Property(c => c.InstitutionId).HasMaxLength(100);
            e.Property(c => c.Number).HasMaxLength(100);
            e.Property(c => c.RecordedBy).HasMaxLength(200);
            e.Property(c => c.TerminatedBy).HasMaxLength(200);
            e.Property(c => c.TerminationReason).HasMaxLength(1000);
            e.HasIndex(c => c.InstitutionId);
            e.HasIndex(c => c.Jurisdiction);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ContractRenewalRow>(e =>
        {
            e.ToTable("host_contract_renewals");
            e.HasKey(r => new { r.ContractId, r.PeriodStartsOn });
            e.Property(r => r.RecordedBy).HasMaxLength(200);
            e.HasOne<ContractRow>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RegistrationRow>(e =>
        {
            e.ToTable("host_institution_registrations");
            e.HasKey(r => r.InstitutionId);
            e.Property(r => r.InstitutionId).HasMaxLength(100);
            e.Property(r => r.Level).HasMaxLength(20);
            e.Property(r => r.RecordedBy).HasMaxLength(200);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<AnnualReviewRow>(e =>
        {
            e.ToTable("host_institution_reviews");
            e.HasKey(r => new { r.InstitutionId, r.Year });
            e.Property(r => r.InstitutionId).HasMaxLength(100);
            e.Property(r => r.Grade).HasMaxLength(20);
            e.Property(r => r.Publication).HasMaxLength(400);
            e.Property(r => r.RecordedBy).HasMaxLength(200);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<BlacklistRow>(e =>
        {
            e.ToTable("host_blacklist");
            e.HasKey(b => b.Id);
            e.Property(b => b.Id).HasMaxLength(40);
            e.Property(b => b.InstitutionId).HasMaxLength(100);
            e.Property(b => b.Reason).HasMaxLength(2000);
            e.Property(b => b.Decision).HasMaxLength(400);
            e.Property(b => b.EvidenceSha256).HasMaxLength(64);
            e.Property(b => b.EvidenceFileName).HasMaxLength(400);
            e.Property(b => b.DecidedBy).HasMaxLength(200);
            e.HasIndex(b => b.InstitutionId);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(b => b.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<TeacherRow>(e =>
        {
            e.ToTable("host_teachers");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasMaxLength(40);
            e.Property(t => t.InstitutionId).HasMaxLength(100);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.IdNumber).HasMaxLength(18);
            e.Property(t => t.Occupations).HasMaxLength(4000);
            e.Property(t => t.Certificates).HasMaxLength(4000);
            e.Property(t => t.RecordedBy).HasMaxLength(200);
            e.HasIndex(t => t.InstitutionId);
            e.HasIndex(t => new { t.InstitutionId, t.IdNumber }).IsUnique();
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(t => t.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<TeacherCheckRow>(e =>
        {
            e.ToTable("host_teacher_checks");
            e.HasKey(c => new { c.TeacherId, c.Year });
            e.Property(c => c.TeacherId).HasMaxLength(40);
            e.Property(c => c.Note).HasMaxLength(1000);
            e.Property(c => c.RecordedBy).HasMaxLength(200);
            e.HasOne<TeacherRow>().WithMany().HasForeignKey(c => c.TeacherId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TeacherExclusionRow>(e =>
        {
            e.ToTable("host_teacher_exclusions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.TeacherId).HasMaxLength(40);
            e.Property(x => x.IdNumber).HasMaxLength(18);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.EvidenceSha256).HasMaxLength(64);
            e.Property(x => x.EvidenceFileName).HasMaxLength(400);
            e.Property(x => x.DecidedBy).HasMaxLength(200);
            e.HasIndex(x => x.TeacherId);
            e.HasIndex(x => x.IdNumber);
            e.HasOne<TeacherRow>().WithMany().HasForeignKey(x => x.TeacherId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
