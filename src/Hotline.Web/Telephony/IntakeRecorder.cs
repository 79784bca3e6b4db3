using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Hotline.Web.Telephony;

/// <summary>
/// Records caller turns for voice and SMS alike: creates the case and contact on first contact, applies one
/// engine step (answers, flags, state) and commits it in one batch, and keeps the promises that end an intake
/// (triage, consented callbacks). Shared by <see cref="CallIntake"/> and <see cref="SmsIntake"/>.
/// </summary>
public sealed class IntakeRecorder(
    HotlineDbContext db, IntakeEngine engine, CallerHasher hasher, TimeProvider clock,
    PromiseDispatcher promises, ILogger<IntakeRecorder> log)
{
    public Flow Flow => engine.Flow;
    public DateTimeOffset Now => clock.GetUtcNow();

    public HotlineDbContext Db => db;

    /// <summary>One query: the contact with its case.</summary>
    public Task<Contact?> LoadAsync(string externalId, CancellationToken ct) =>
        ContactWithCase.GetValue(db.Model, _ => EF.CompileAsyncQuery((HotlineDbContext context, string id, CancellationToken token) =>
            context.Contacts.Include(c => c.Case).FirstOrDefault(c => c.ExternalId == id)))(db, externalId, ct);

    // Compiled once per model: every webhook runs this query, and a compiled query skips EF's per-call
    // expression tree work. Per model, because EF refuses a compiled query on another model than its first,
    // and each host (tests, tools) has its own model (see ProtectorModelCacheKeyFactory).
    private static readonly ConditionalWeakTable<IModel, Func<HotlineDbContext, string, CancellationToken, Task<Contact?>>> ContactWithCase = new();

    /// <summary>Where the caller is now, re-rendered without change (for retries and stale steps).</summary>
    public IntakeReply CurrentReply(Contact contact) => engine.Current(ContactStates.Of(contact), Now);

    public (Contact Contact, IntakeStep Step) Begin(Channel channel, string externalId, string? from, string? conversationKey)
    {
        var now = Now;
        var step = engine.Start(now);
        var @case = new Case
        {
            Id = Guid.NewGuid(), Reference = CaseReferences.New(now), Status = CaseStatus.Intake, FirstChannel = channel,
            FlowId = Flow.Id, Language = step.State.Language, CallerNumber = CallerHasher.Normalise(from) is { Length: > 0 } n ? n : null,
            CallerHash = hasher.Hash(from) is { Length: > 0 } h ? h : null, CreatedAt = now, UpdatedAt = now,
        };
        var contact = new Contact
        {
            Id = Guid.NewGuid(), Case = @case, CaseId = @case.Id, Channel = channel, ExternalId = externalId,
            ConversationKey = conversationKey, FlowId = Flow.Id, State = ContactState.Intake, StartedAt = now, LastActivityAt = now,
        };
        ContactStates.Store(contact, step.State);
        db.Cases.Add(@case);
        db.Contacts.Add(contact);
        db.ContactTurns.Add(new ContactTurn { ContactId = contact.Id, Step = 0, FromNode = Flow.StartNode, ToNode = step.State.NodeId, Input = "start", Accepted = true, At = now });
        ApplyTerminal(contact, step.Reply.Terminal);
        return (contact, step);
    }

    public IntakeStep Answer(Contact contact, CallerInput input)
    {
        var now = Now;
        var before = ContactStates.Of(contact);
        var step = engine.Answer(before, input, now);
        ContactStates.Store(contact, step.State);
        contact.LastActivityAt = now;
        var @case = contact.Case;
        foreach (var answer in step.NewAnswers)
        {
            db.IntakeAnswers.Add(new IntakeAnswer
            {
                CaseId = @case.Id, ContactId = contact.Id, NodeId = answer.NodeId, Field = answer.Field,
                Value = answer.Value.Length > 80 ? answer.Value[..80] : answer.Value, Step = step.State.Step, At = now,
            });
            CaseIntakeMapping.Apply(@case, answer.Field, answer.Value);
        }
        @case.UpdatedAt = now;
        db.ContactTurns.Add(new ContactTurn
        {
            ContactId = contact.Id, Step = step.State.Step, FromNode = before.NodeId, ToNode = step.State.NodeId,
            Input = ContactStates.Describe(input), Accepted = step.InputAccepted, At = now,
        });
        ApplyTerminal(contact, step.Reply.Terminal);
        return step;
    }

    private void ApplyTerminal(Contact contact, TerminalAction? terminal)
    {
        if (terminal is null) return;
        var now = Now;
        switch (terminal.Kind)
        {
            case TerminalKind.Queue:
                contact.State = ContactState.Queued;
                contact.EnqueuedAt = now;
                break;
            case TerminalKind.Voicemail:
                contact.State = ContactState.Voicemail;
                break;
            case TerminalKind.Hangup:
                contact.State = ContactState.Completed;
                contact.EndedAt = now;
                break;
        }
        EndIntake(contact.Case, CaseTrigger.IntakeCompleted);
        if (terminal.Kind == TerminalKind.Hangup) PromiseCallback(contact.Case);
    }

    /// <summary>The caller left (hung up, went silent on SMS) before a person took over: keep what was said.</summary>
    public void Abandon(Contact contact, ContactState state)
    {
        var now = Now;
        contact.State = state;
        contact.EndedAt ??= now;
        contact.Case.Abandoned = true;
        contact.Case.UpdatedAt = now;
        EndIntake(contact.Case, CaseTrigger.CallerHungUp);
        PromiseCallback(contact.Case);
    }

    private void EndIntake(Case @case, CaseTrigger trigger)
    {
        var transition = CaseMachine.Apply(@case.Status, trigger);
        if (transition.Changed) @case.Status = transition.To;
    }

    /// <summary>A callback is owed only when the caller consented to one, and only inside their safe window.</summary>
    public void PromiseCallback(Case @case)
    {
        if (@case.CallbackAllowed != true || @case.CallbackDueAt is not null) return;
        @case.CallbackDueAt = Flow.NextCallbackTime(@case.CallbackWindow, Now);
    }

    /// <summary>
    /// Commits the step in one round trip. No EF transaction: PostgreSQL runs the batch atomically, and the
    /// unique (contact, step) turn row makes a duplicate or concurrent step fail as a whole. Returns false
    /// when another request won the race; the caller then re-reads and answers with the current state.
    /// </summary>
    public async Task<bool> CommitAsync(Contact contact, CancellationToken ct)
    {
        var callbackWasPromised = db.Entry(contact.Case).Property(c => c.CallbackDueAt) is { IsModified: true } p && p.CurrentValue is not null;
        var ended = contact.Case.Status != CaseStatus.Intake && db.Entry(contact.Case).Property(c => c.Status).IsModified;
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            log.LogInformation("Step {Step} of contact {Contact} lost a race or was repeated; answering with the current state", contact.Step, contact.Id);
            db.ChangeTracker.Clear();
            return false;
        }
        // After the commit: a promise is only handed to the job store once it is durable, and off the caller's
        // path. A crash in between is caught by the callback and pathway sweeps, which read the cases table.
        var caseId = contact.CaseId;
        if (callbackWasPromised) promises.Schedule<CallbackDueJob>(j => j.RunAsync(caseId), contact.Case.CallbackDueAt!.Value);
        // The pathway (mandatory referrals, supervisor alerts, triage deadline) runs as a job.
        if (ended) promises.Enqueue<IntakeEndedJob>(j => j.RunAsync(caseId, CancellationToken.None));
        return true;
    }
}
