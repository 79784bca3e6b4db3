using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Web.Telephony.Callbacks;

internal sealed class CallbackAttemptConfiguration : IEntityTypeConfiguration<CallbackAttempt>
{
    public void Configure(EntityTypeBuilder<CallbackAttempt> e)
    {
        e.ToTable("callback_attempts");
        e.HasKey(x => x.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId);
        e.Property(x => x.AdvocateId).HasMaxLength(450);
        e.Property(x => x.AdvocateName).HasMaxLength(256);
        e.Property(x => x.Device).HasMaxLength(16);
        e.Property(x => x.CallSid).HasMaxLength(64);
        e.Property(x => x.AnsweredBy).HasMaxLength(40);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Promise).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Detail).HasMaxLength(500);
        e.Property(x => x.Version).IsRowVersion();
        e.HasIndex(x => x.CallSid).IsUnique();
        e.HasIndex(x => new { x.CaseId, x.StartedAt });
        // Two advocates pressing "Call back" at once must not ring the caller twice: one open attempt per case.
        e.HasIndex(x => x.CaseId).IsUnique().HasFilter("\"Outcome\" IS NULL").HasDatabaseName("IX_callback_attempts_open");
        // The sweep's question: outcomes known, retry rule not yet applied.
        e.HasIndex(x => x.SettledAt).HasFilter("\"SettledAt\" IS NULL AND \"Outcome\" IS NOT NULL")
            .HasDatabaseName("IX_callback_attempts_unsettled");
    }
}
