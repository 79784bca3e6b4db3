using Hotline.Core.Callers;
using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;

namespace Hotline.Web.Telephony;

/// <summary>
/// Records caller turns for voice and SMS alike: creates the case and contact on first contact, applies one
/// engine step (answers, flags, state) and commits it in one statement, and keeps the promises that end an
/// intake (triage, consented callbacks). Shared by <see cref="CallIntake"/>, <see cref="CallProgress"/> and
/// <see cref="Conversations.ConversationIntake"/>. Scoped: it remembers, per contact, what this request read and what it added.
/// </summary>
public sealed class IntakeRecorder(
    ContactStore store, IntakeEngine engine, CallerHasher hasher, TimeProvider clock,
    PromiseDispatcher promises, ILogger<IntakeRecorder> log)
{
    private readonly Dictionary<Contact, ContactChanges> _changes = new(ReferenceEqualityComparer.Instance);

    public Flow Flow => engine.Flow;
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>One query: the contact with its case.</summary>
    public async Task<Contact?> LoadAsync(string externalId, CancellationToken ct) => Track(await store.FindAsync(externalId, ct));

    /// <summary>The sender's open SMS conversation, if any.</summary>
    public async Task<Contact?> LoadConversationAsync(string conversationKey, CancellationToken ct) =>
        Track(await store.FindOpenConversationAsync(conversationKey, ct));

    private Contact? Track(Contact? contact)
    {
        if (contact is not null) _changes[contact] = ContactChanges.Loaded(contact);
        return contact;
    }

    private ContactChanges ChangesOf(Contact contact) =>
        _changes.TryGetValue(contact, out var changes) ? changes
            : throw new InvalidOperationException("The contact was not loaded or begun by this recorder.");

    /// <summary>Where the caller is now, re-rendered without change (for retries and stale steps).</summary>
    public IntakeReply CurrentReply(Contact contact) => engine.Current(ContactStates.Of(contact), Now);

    public (Contact Contact, IntakeStep Step) Begin(Channel channel, string externalId, string? from, string? conversationKey)
    {
        var now = Now;
        // A withheld number (a placeholder, or nothing usable) is nobody's number: no hash links this case to
        // other withheld callers' cases, and the flow skips the call-back questions nobody could honour.
        var number = CallerNumber.Usable(from);
        var step = engine.Start(now, numberWithheld: number is null, channel);
        var @case = new Case
        {
            Id = Guid.NewGuid(), Reference = CaseReferences.New(now), Status = CaseStatus.Intake, FirstChannel = channel,
            FlowId = Flow.Id, Language = step.State.Language, CallerNumber = number,
            CallerHash = hasher.Hash(number), CreatedAt = now, UpdatedAt = now,
        };
        var contact = new Contact
        {
            Id = Guid.NewGuid(), Case = @case, CaseId = @case.Id, Channel = channel, ExternalId = externalId,
            ConversationKey = conversationKey, FlowId = Flow.Id, State = ContactState.Intake, StartedAt = now, LastActivityAt = now,
        };
        ContactStates.Store(contact, step.State);
        @case.Contacts.Add(contact);
        var changes = _changes[contact] = ContactChanges.New();
        changes.Turns.Add(
            new ContactTurn
            { ContactId = contact.Id, Step = 0, FromNode = Flow.StartNode, ToNode = step.State.NodeId, Input = "start", Accepted = true,
                At = now });
        ApplyTerminal(contact, step.Reply.Terminal);
        return (contact, step);
    }

    /// <summary>
    /// A texter writing again to a case that is still open, after an advocate closed their last conversation: a
    /// new conversation on the same case, straight to the advocates (the questions were answered before).
    /// </summary>
    public Contact Resume(Case @case, Channel channel, string externalId, string conversationKey, string language)
    {
        var now = Now;
        var contact = new Contact
        {
            Id = Guid.NewGuid(), Case = @case, CaseId = @case.Id, Channel = channel, ExternalId = externalId,
            ConversationKey = conversationKey, FlowId = Flow.Id, NodeId = Flow.StartNode, Language = language,
            State = ContactState.Queued, StartedAt = now, LastActivityAt = now, EnqueuedAt = now, AwaitingReplySince = now,
        };
        _changes[contact] = ContactChanges.NewOnCase();
        return contact;
    }

    /// <summary>A transcript row written with the contact's next commit (in the same statement as its step).</summary>
    public void AddMessage(Contact contact, ConversationMessage message)
    {
        message.CaseId = contact.CaseId;
        message.ContactId = contact.Id;
        ChangesOf(contact).Messages.Add(message);
    }

    public IntakeStep Answer(Contact contact, CallerInput input)
    {
        var now = Now;
        var before = ContactStates.Of(contact);
        var step = engine.Answer(before, input, now);
        ContactStates.Store(contact, step.State);
        contact.LastActivityAt = now;
        var @case = contact.Case;
        var changes = ChangesOf(contact);
        foreach (var answer in step.NewAnswers)
        {
            changes.Answers.Add(new IntakeAnswer
            {
                CaseId = @case.Id, ContactId = contact.Id, NodeId = answer.NodeId, Field = answer.Field,
                Value = answer.Value.Length > 80 ? answer.Value[..80] : answer.Value, Step = step.State.Step, At = now,
            });
            CaseIntakeMapping.Apply(@case, answer.Field, answer.Value);
        }
        @case.UpdatedAt = now;
        changes.Turns.Add(new ContactTurn
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
                // A texter in the queue waits for a written answer: the board's "Conversations waiting" counts from here.
                if (contact.Channel != Channel.Voice) contact.AwaitingReplySince ??= now;
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
        // No caller hash means no usable number (see Begin): a call-back could not be made, so none is promised.
        if (@case.CallbackAllowed != true || @case.CallbackDueAt is not null || @case.CallerHash is null) return;
        @case.CallbackDueAt = Flow.NextCallbackTime(@case.CallbackWindow, Now);
    }

    /// <summary>How often a change is re-read and re-applied after losing a race before the stored state is answered.</summary>
    private const int ChangeAttempts = 4;

    /// <summary>
    /// Reads the contact, applies <paramref name="change"/> (false: nothing to write) and commits; on a lost race
    /// reads again and applies the change again to what the winner stored. Returns the contact as it is stored
    /// afterwards (null if unknown): callers answer from it, never from a write that did not happen.
    /// </summary>
    public async Task<Contact?> ChangeAsync(string externalId, Func<Contact, bool> change, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= ChangeAttempts; attempt++)
        {
            var contact = await LoadAsync(externalId, ct);
            if (contact is null || !change(contact)) return contact;
            if (await CommitAsync(contact, ct)) return contact;
        }
        log.LogWarning("A change to a contact lost {Attempts} races in a row; answering with the state stored", ChangeAttempts);
        return await LoadAsync(externalId, ct);
    }

    /// <summary>
    /// Commits what this request did to the contact, its case, turn and answers, in one statement. The unique
    /// (contact, step) turn row and the contact's xmin make a duplicate or concurrent step fail as a whole.
    /// Returns false when another request won the race; the caller then re-reads and answers with the current state.
    /// </summary>
    public async Task<bool> CommitAsync(Contact contact, CancellationToken ct)
    {
        var changes = ChangesOf(contact);
        var @case = contact.Case;
        var callbackWasPromised = @case.CallbackDueAt is not null && @case.CallbackDueAt != changes.OriginalCase?.CallbackDueAt;
        var ended = @case.Status != CaseStatus.Intake && @case.Status != changes.OriginalCase?.Status;
        if (!await store.SaveAsync(contact, changes, ct))
        {
            log.LogInformation(
                "Step {Step} of contact {Contact} lost a race or was repeated; answering with the current state", contact.Step, contact.Id);
            _changes.Remove(contact);
            return false;
        }
        // What is saved is the new starting point, should this request change the contact again.
        _changes[contact] = ContactChanges.Loaded(contact);
        // After the commit: a promise is only handed to the job store once it is durable, and off the caller's
        // path. A crash in between is caught by the callback and pathway sweeps, which read the cases table.
        var caseId = contact.CaseId;
        if (callbackWasPromised) promises.Schedule<CallbackDueJob>(j => j.RunAsync(caseId), @case.CallbackDueAt!.Value);
        // The pathway (mandatory referrals, supervisor alerts, triage deadline) runs as a job.
        if (ended) promises.Enqueue<IntakeEndedJob>(j => j.RunAsync(caseId, CancellationToken.None));
        return true;
    }
}
