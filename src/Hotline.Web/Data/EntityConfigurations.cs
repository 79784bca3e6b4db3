using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Web.Data;

// Enums are stored as text (readable in SQL, safe to reorder); xmin is the concurrency token.

internal sealed class CaseConfiguration(EncryptedStringConverter encrypted) : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.ToTable("cases");
        e.HasKey(x => x.Id);
        e.Property(x => x.Reference).HasMaxLength(20);
        e.HasIndex(x => x.Reference).IsUnique();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Urgency).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.FirstChannel).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.ContactType).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.TraffickingType).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.FlowId).HasMaxLength(40);
        e.Property(x => x.Language).HasMaxLength(10);
        e.Property(x => x.CallerHash).HasMaxLength(64);
        e.HasIndex(x => x.CallerHash);
        e.HasIndex(x => new { x.Status, x.Urgency, x.CreatedAt });
        // Room on each page for the updates of intake (see contacts).
        e.HasStorageParameter("fillfactor", 80);
        e.Property(x => x.CallerNumber).HasConversion((ValueConverter)encrypted);
        e.Property(x => x.Narrative).HasConversion((ValueConverter)encrypted);
        e.Property(x => x.OperatorNarrative).HasConversion((ValueConverter)encrypted);
        e.Property(x => x.SafetyPlan).HasConversion((ValueConverter)encrypted);
        e.Property(x => x.SafeContactInstructions).HasConversion((ValueConverter)encrypted);
        e.Property(x => x.Version).IsRowVersion();
        e.HasMany(x => x.Contacts).WithOne(c => c.Case).HasForeignKey(c => c.CaseId);
        e.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.CaseId);
        e.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.CaseId);
        e.HasMany(x => x.Referrals).WithOne(r => r.Case).HasForeignKey(r => r.CaseId);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.ToTable("contacts");
        e.HasKey(x => x.Id);
        e.Property(x => x.ExternalId).HasMaxLength(64);
        e.HasIndex(x => x.ExternalId).IsUnique();
        e.Property(x => x.ConversationKey).HasMaxLength(64);
        // Only SMS conversations have a key, and a sender has a handful: no need to index LastActivityAt, which
        // every webhook changes. With no indexed column changed and room left on the page (fillfactor), a
        // step's update is HOT: PostgreSQL rewrites no index entries and has less to vacuum.
        e.HasIndex(x => x.ConversationKey).HasFilter("\"ConversationKey\" IS NOT NULL");
        e.HasStorageParameter("fillfactor", 80);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => x.State);
        e.Property(x => x.FlowId).HasMaxLength(40);
        e.Property(x => x.NodeId).HasMaxLength(64);
        e.Property(x => x.Language).HasMaxLength(10);
        e.Property(x => x.CallStatus).HasMaxLength(20);
        e.Property(x => x.RecordingSid).HasMaxLength(64);
        e.Property(x => x.AnswersJson).HasColumnType("jsonb");
        e.Property(x => x.LastMessageSid).HasMaxLength(64);
        e.Property(x => x.HotlineAddress).HasMaxLength(48);
        e.Ignore(x => x.ArrivalTicket);
        // Few rows at a time wait for a reply, and the column changes only when one starts or ends waiting: a
        // partial index keeps the board's query cheap without costing the intake steps their HOT updates.
        e.HasIndex(x => x.AwaitingReplySince).HasFilter("\"AwaitingReplySince\" IS NOT NULL");
        e.Property(x => x.Version).IsRowVersion();
    }
}

internal sealed class IntakeAnswerConfiguration : IEntityTypeConfiguration<IntakeAnswer>
{
    public void Configure(EntityTypeBuilder<IntakeAnswer> e)
    {
        e.ToTable("intake_answers");
        e.HasKey(x => x.Id);
        e.Property(x => x.NodeId).HasMaxLength(64);
        e.Property(x => x.Field).HasMaxLength(40);
        e.Property(x => x.Value).HasMaxLength(80);
        e.HasIndex(x => new { x.ContactId, x.Step, x.Field }).IsUnique();
        e.HasIndex(x => x.CaseId);
    }
}

internal sealed class CaseNoteConfiguration(EncryptedStringConverter encrypted) : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> e)
    {
        e.ToTable("case_notes");
        e.HasKey(x => x.Id);
        e.Property(x => x.Body).HasConversion((ValueConverter)encrypted);
        e.Property(x => x.AuthorId).HasMaxLength(64);
        e.Property(x => x.AuthorName).HasMaxLength(120);
        e.HasIndex(x => x.CaseId);
    }
}

internal sealed class AgencyConfiguration(EncryptedStringConverter encrypted) : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> e)
    {
        e.ToTable("agencies");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.TimeZone).HasMaxLength(60);
        e.Property(x => x.Hours).HasMaxLength(200);
        e.Property(x => x.OnCallName).HasMaxLength(120);
        e.Property(x => x.OnCallPhone).HasConversion((ValueConverter)encrypted);
        e.HasMany(x => x.Channels).WithOne().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.Type, x.Active });
    }
}

internal sealed class AgencyChannelConfiguration : IEntityTypeConfiguration<AgencyChannel>
{
    public void Configure(EntityTypeBuilder<AgencyChannel> e)
    {
        e.ToTable("agency_channels");
        e.HasKey(x => x.Id);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Address).HasMaxLength(300);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> e)
    {
        e.ToTable("referrals");
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ConsentBasis).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.DataLevel).HasMaxLength(20);
        e.Property(x => x.RuleId).HasMaxLength(60);
        e.Property(x => x.CreatedBy).HasMaxLength(64);
        e.Property(x => x.FollowedUpBy).HasMaxLength(256);
        e.Property(x => x.FollowUp).HasMaxLength(40);
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId);
        e.HasIndex(x => new { x.Status, x.AcknowledgeBy });
        e.HasIndex(x => x.CaseId);
        // "Has this referral been replaced?": the board's banner of dead ends asks it on every poll.
        e.HasIndex(x => x.EscalatedFromId);
        e.Property(x => x.Version).IsRowVersion();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Actor).HasMaxLength(80);
        e.Property(x => x.ActorName).HasMaxLength(120);
        e.Property(x => x.Action).HasMaxLength(60);
        e.Property(x => x.RemoteIp).HasMaxLength(64);
        e.HasIndex(x => x.At);
        e.HasIndex(x => x.CaseId);
    }
}

internal sealed class NotificationConfiguration(EncryptedStringConverter encrypted) : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("notifications");
        e.HasKey(x => x.Id);
        e.Property(x => x.Key).HasMaxLength(160);
        e.HasIndex(x => x.Key).IsUnique();
        e.Property(x => x.Channel).HasMaxLength(20);
        e.Property(x => x.Purpose).HasMaxLength(60);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Recipient).HasConversion((ValueConverter)encrypted);
    }
}

internal sealed class ConversationMessageConfiguration(EncryptedStringConverter encrypted) : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> e)
    {
        e.ToTable("conversation_messages");
        e.HasKey(x => x.Id);
        e.Property(x => x.Sequence).UseIdentityAlwaysColumn();
        // The transcript of a case in order, and a conversation's latest texts, are one index range each.
        e.HasIndex(x => new { x.CaseId, x.Sequence });
        e.HasIndex(x => new { x.ContactId, x.Sequence });
        e.Property(x => x.MessageSid).HasMaxLength(64);
        // A retried webhook (same MessageSid) must add nothing: the unique index makes the second insert a no-op.
        e.HasIndex(x => x.MessageSid).IsUnique().HasFilter("\"MessageSid\" IS NOT NULL");
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Direction).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Author).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.Body).HasConversion((ValueConverter)encrypted);
        e.Property(x => x.MediaJson).HasColumnType("jsonb");
        e.Property(x => x.ErrorCode).HasMaxLength(12);
        e.Property(x => x.Problem).HasMaxLength(300);
        e.Property(x => x.AuthorUserId).HasMaxLength(450);
        e.Property(x => x.TemplateSid).HasMaxLength(64);
        e.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
    }
}
