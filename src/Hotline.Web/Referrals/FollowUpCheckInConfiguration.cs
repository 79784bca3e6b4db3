using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Web.Referrals;

internal sealed class FollowUpCheckInConfiguration : IEntityTypeConfiguration<FollowUpCheckIn>
{
    public void Configure(EntityTypeBuilder<FollowUpCheckIn> e)
    {
        e.ToTable("follow_up_check_ins");
        e.HasKey(x => x.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        // Not unique: two first referrals racing (pathway and console) must not fail one of them; the job settles both rows.
        e.HasIndex(x => new { x.CaseId, x.Number });
        // The sweep's question: due and not settled.
        e.HasIndex(x => x.DueAt).HasFilter("\"SettledAt\" IS NULL").HasDatabaseName("IX_follow_up_check_ins_open");
    }
}
