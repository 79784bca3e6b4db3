using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Hotline.Web.Data;

public class HotlineDbContext : IdentityDbContext<HotlineUser>, IDataProtectionKeyContext
{
    /// <summary>
    /// The constructor DbContext pooling uses (it allows only one public constructor, taking the options):
    /// the protector comes from the application's services, which EF keeps in the pooled options.
    /// </summary>
    public HotlineDbContext(DbContextOptions<HotlineDbContext> options) : this(options, ProtectorFrom(options)) { }

    /// <summary>For tools and tests that build a context by hand with their own key ring.</summary>
    internal HotlineDbContext(DbContextOptions<HotlineDbContext> options, PersonalDataProtector protector) : base(options) =>
        Protector = protector;

    internal PersonalDataProtector Protector { get; }

    private static PersonalDataProtector ProtectorFrom(DbContextOptions options) =>
        options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<PersonalDataProtector>()
        ?? throw new InvalidOperationException("HotlineDbContext needs PersonalDataProtector among the application's services.");

    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<IntakeAnswer> IntakeAnswers => Set<IntakeAnswer>();
    public DbSet<ContactTurn> ContactTurns => Set<ContactTurn>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyChannel> AgencyChannels => Set<AgencyChannel>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SmsOptOut> SmsOptOuts => Set<SmsOptOut>();
    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();
    public DbSet<Telephony.LiveCalls.LiveCallLeg> LiveCallLegs => Set<Telephony.LiveCalls.LiveCallLeg>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CallbackAttempt> CallbackAttempts => Set<CallbackAttempt>();
    public DbSet<FollowUpCheckIn> FollowUpCheckIns => Set<FollowUpCheckIn>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // PostgreSQL timestamptz takes UTC only; local times (callback windows are local) are converted here once.
        conventions.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        conventions.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var encrypted = new EncryptedStringConverter(Protector);
        builder.ApplyConfiguration(new CaseConfiguration(encrypted));
        builder.ApplyConfiguration(new ContactConfiguration());
        builder.ApplyConfiguration(new IntakeAnswerConfiguration());
        builder.Entity<ContactTurn>(e =>
        {
            e.ToTable("contact_turns");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ContactId, x.Step }).IsUnique();
            e.Property(x => x.FromNode).HasMaxLength(64);
            e.Property(x => x.ToNode).HasMaxLength(64);
            e.Property(x => x.Input).HasMaxLength(20);
        });
        builder.ApplyConfiguration(new CaseNoteConfiguration(encrypted));
        builder.ApplyConfiguration(new AgencyConfiguration(encrypted));
        builder.ApplyConfiguration(new AgencyChannelConfiguration());
        builder.ApplyConfiguration(new ReferralConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new NotificationConfiguration(encrypted));
        builder.ApplyConfiguration(new ConversationMessageConfiguration(encrypted));
        builder.ApplyConfiguration(new Telephony.LiveCalls.LiveCallLegConfiguration());
        builder.Entity<SmsOptOut>(
            e => { e.ToTable("sms_opt_outs"); e.HasKey(x => x.CallerHash); e.Property(x => x.CallerHash).HasMaxLength(64); });
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.ApplyConfiguration(new Telephony.Callbacks.CallbackAttemptConfiguration());
        builder.ApplyConfiguration(new Referrals.FollowUpCheckInConfiguration());
    }
}
