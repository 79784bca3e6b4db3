using System.Text;
using Hotline.Core.Callers;
using Hotline.Core.Cases;
using Hotline.Core.Pathway;
using Hotline.Core.Public;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using Hotline.Web.Live;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hotline.Web.Public;

/// <summary>
/// A checked web tip becomes a Tip case in triage, in one transaction: the case (what the form says, mapped to the
/// fields the board and the pathway read), a completed Web contact, and one transcript row holding the visitor's
/// words, where advocates read every text. After the commit the pathway runs as after any intake (mandatory
/// referrals when a child is involved), and a consented callback is promised inside the chosen safe time.
/// </summary>
public sealed class TipIntake(
    HotlineDbContext db, PublicTexts texts, CallerHasher hasher, PromiseDispatcher promises, TimeProvider clock)
{
    public async Task<Guid> ReceiveAsync(TipForm tip, string language, CancellationToken ct)
    {
        var flow = texts.Flow;
        var now = clock.GetUtcNow();
        var number = CallerNumber.Usable(tip.Phone);
        var @case = new Case
        {
            Id = Guid.NewGuid(), Reference = CaseReferences.New(now),
            // The case machine's way out of intake, as for a call or a text that ends its questions.
            Status = CaseMachine.Apply(CaseStatus.Intake, CaseTrigger.IntakeCompleted).To,
            FirstChannel = Channel.Web, FlowId = flow.Id, Language = flow.LanguageOrDefault(language),
            ContactType = ContactType.Tip, TraffickingType = TraffickingType.Unknown,
            ChildInvolved = tip.ChildInvolved, Jurisdiction = tip.Jurisdiction,
            Indicators = [.. tip.Signs.Select(s => TipSigns.Indicator[s])],
            CallerNumber = number, CallerHash = hasher.Hash(number),
            // A number given on the form is the consent to be called, inside the safe time chosen; never a voicemail.
            CallbackAllowed = number is not null, CallbackWindow = number is null ? null : tip.SafeTime,
            VoicemailAllowed = number is null ? null : false,
            SafeContactInstructions = tip.SafeWay.Length > 0 ? tip.SafeWay : null,
            CreatedAt = now, UpdatedAt = now,
        };
        @case.Urgency = PathwayPolicy.UrgencyFor(@case.ToProfile());
        if (number is not null) @case.CallbackDueAt = flow.NextCallbackTime(@case.CallbackWindow, now);
        var contact = new Contact
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, Channel = Channel.Web, ExternalId = "tip:" + Guid.NewGuid(), FlowId = flow.Id,
            NodeId = flow.StartNode, Language = @case.Language, State = ContactState.Completed,
            StartedAt = now, LastActivityAt = now, EndedAt = now,
        };
        var message = new ConversationMessage
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, ContactId = contact.Id, Channel = Channel.Web, Direction = MessageDirection.Inbound,
            Author = MessageAuthor.Texter, Status = MessageStatus.Received, Body = Transcript(tip, @case.Language), At = now,
        };
        await SaveAsync(@case, contact, message, ct);

        // After the commit, as IntakeRecorder does: if this process dies first, the sweep finds a case in triage whose
        // pathway never ran (no triage deadline) and a callback due that no job holds.
        var caseId = @case.Id;
        promises.Enqueue<IntakeEndedJob>(j => j.RunAsync(caseId, CancellationToken.None));
        if (@case.CallbackDueAt is { } due) promises.Schedule<CallbackDueJob>(j => j.RunAsync(caseId), due);
        return caseId;
    }

    private async Task SaveAsync(Case @case, Contact contact, ConversationMessage message, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.Cases.Add(@case);
            db.Contacts.Add(contact);
            db.ConversationMessages.Add(message);
            // Audited like every new case, but without the visitor's address (Audit would record it): an anonymous
            // report stays anonymous.
            db.AuditEntries.Add(new AuditEntry
            {
                At = @case.CreatedAt, Actor = "public", ActorName = "web tip form", Action = "case.created.web-tip", CaseId = @case.Id,
                Detail = "A tip arrived through the public web form",
            });
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
                // Open console pages learn of the new case on commit (NOTIFY is transactional); ids only, never words.
                await db.Database.ExecuteSqlAsync(
                    $"SELECT pg_notify({ConsoleSignals.Channel}, {ConsoleSignals.CasePayload(@case.Id)})", ct);
                await transaction.CommitAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < 5 && e.InnerException is PostgresException
                                              { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "IX_cases_Reference" })
            {
                // Six random characters a year: two cases may share a reference now and then; this one takes another.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                @case.Reference = CaseReferences.New(@case.CreatedAt);
            }
        }
    }

    /// <summary>
    /// The tip as the advocate reads it in the transcript: plain text, labelled in the flow's first language (the
    /// console's), the visitor's own words untouched.
    /// </summary>
    private string Transcript(TipForm tip, string language)
    {
        var console = texts.Flow.DefaultLanguage;
        string T(string key) => texts.Get(key, console);
        var text = new StringBuilder();
        text.Append(T(PublicTextKeys.TipWhat)).Append('\n').Append(tip.What).Append('\n');
        void Line(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) text.Append('\n').Append(T(key)).Append(": ").Append(value);
        }
        Line(PublicTextKeys.TipJurisdiction, tip.Jurisdiction);
        Line(PublicTextKeys.TipPlace, tip.Place);
        Line(PublicTextKeys.TipWhen, tip.When);
        Line(PublicTextKeys.TipWho, tip.Who);
        Line(PublicTextKeys.TipChild, tip.Child.Length > 0 ? T(tip.Child) : null);
        Line(PublicTextKeys.TipSigns, string.Join("; ", tip.Signs.Select(s => T(PublicTextKeys.Sign(s)))));
        Line(PublicTextKeys.TipSafeWay, tip.SafeWay);
        text.Append("\n\n(Web tip form, ").Append(texts.Get(PublicTextKeys.LanguageName, language)).Append(')');
        return text.ToString();
    }
}
