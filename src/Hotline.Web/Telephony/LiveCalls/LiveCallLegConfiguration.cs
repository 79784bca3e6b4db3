using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Web.Telephony.LiveCalls;

internal sealed class LiveCallLegConfiguration : IEntityTypeConfiguration<LiveCallLeg>
{
    public void Configure(EntityTypeBuilder<LiveCallLeg> e)
    {
        e.ToTable("live_call_legs");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.ContactId);
        e.HasIndex(x => x.CaseId);
        e.HasIndex(x => x.CallSid).HasFilter("\"CallSid\" IS NOT NULL");
        // The board's "live calls": only legs still on a call are in this index.
        e.HasIndex(x => x.State).HasFilter("\"State\" IN ('Calling', 'Joined')");
        e.HasOne<Data.Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Label).HasMaxLength(120);
        e.Property(x => x.CallSid).HasMaxLength(64);
        e.Property(x => x.ConferenceSid).HasMaxLength(64);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Detail).HasMaxLength(20);
        e.Property(x => x.Failure).HasMaxLength(300);
        e.Property(x => x.Version).IsRowVersion();
    }
}
