using Hotline.Core.Callers;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>
/// What the console does to a live call: add an interpreter or an outside line (warm transfer), hold and mute,
/// remove someone, leave, and a supervisor's listen or whisper. Each returns null or the problem in plain words,
/// and leaves an audit entry (on the case timeline) when it happened.
/// </summary>
public sealed class LiveCallDesk(
    HotlineDbContext db, LegDialer dialer, ITwilioRestClient twilio, LiveCallSettings settings, LiveCallUrls urls, Audit audit,
    TimeProvider clock, Hotline.Core.Flows.Flow flow, ILogger<LiveCallDesk> log)
{
    private const string NoLiveCall = "This case has no live call now: the caller may have hung up.";

    /// <summary>The case's call in progress: a voice contact with an advocate and a caller still on it.</summary>
    public async Task<Contact?> LiveContactAsync(Guid caseId, CancellationToken ct) =>
        await db.Contacts.Where(c => c.CaseId == caseId && c.Channel == Hotline.Core.Cases.Channel.Voice
                && c.State == ContactState.WithOperator)
            .OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync(ct);

    public async Task<string?> AddInterpreterAsync(Guid caseId, string? language, CancellationToken ct)
    {
        if (await LiveContactAsync(caseId, ct) is not { } contact) return NoLiveCall;
        var lang = string.IsNullOrWhiteSpace(language) ? contact.Language : language.Trim();
        if (settings.LineFor(lang, clock.GetUtcNow()) is not { } line)
            return $"No interpreter line is configured for '{Trim(lang, 10)}'. Ask an admin to add one (Hotline:Interpreters).";
        if (!line.IsOpen(clock.GetUtcNow())) return $"{line.Label} is closed now.";
        var leg = await dialer.DialAsync(contact, new LegRequest(LegRole.Interpreter, line.Label, new PhoneNumber(line.Number),
            "the interpreter line") { Detail = line.Language, SendDigits = line.AccessCode }, ct);
        return await AuditedAsync(leg.Failure, "call.interpreter", caseId, line.Label, ct);
    }

    /// <summary>An agency's phone line from the directory, or a typed number; the caller held first when asked.</summary>
    public async Task<string?> AddOutsideAsync(Guid caseId, Guid? agencyId, string? number, bool holdCaller, CancellationToken ct)
    {
        if (await LiveContactAsync(caseId, ct) is not { } contact) return NoLiveCall;
        string label, dial;
        if (agencyId is { } id)
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == id && a.Active)
                .Select(a => new { a.Name, a.OnCallPhone }).SingleOrDefaultAsync(ct);
            if (agency is null) return "That agency is not in the directory.";
            var (checkedNumber, problem) = DialableNumber.Check(agency.OnCallPhone);
            if (checkedNumber is null) return $"{agency.Name} has no phone line the hotline can dial: {problem}";
            (label, dial) = (agency.Name, checkedNumber);
        }
        else
        {
            var (checkedNumber, problem) = DialableNumber.Check(number);
            if (checkedNumber is null) return problem;
            (label, dial) = (DialableNumber.Ending(checkedNumber), checkedNumber);
        }
        if (holdCaller && await SetCallerHoldAsync(contact, true, ct) is { } holdProblem) return holdProblem;
        var leg = await dialer.DialAsync(contact, new LegRequest(LegRole.Outside, Trim(label, 120), new PhoneNumber(dial), label)
            { AgencyId = agencyId }, ct);
        return await AuditedAsync(leg.Failure, "call.outside", caseId, label + (holdCaller ? "; caller on hold meanwhile" : ""), ct);
    }

    public async Task<string?> HoldCallerAsync(Guid caseId, bool hold, CancellationToken ct)
    {
        if (await LiveContactAsync(caseId, ct) is not { } contact) return NoLiveCall;
        var problem = await SetCallerHoldAsync(contact, hold, ct);
        return await AuditedAsync(problem, hold ? "call.hold" : "call.unhold", caseId, null, ct);
    }

    public async Task<string?> MuteAdvocateAsync(Guid caseId, string userId, bool mute, CancellationToken ct)
    {
        if (await LiveContactAsync(caseId, ct) is not { } contact) return NoLiveCall;
        if (await AdvocateLegAsync(contact.Id, userId, ct) is not { CallSid: { } sid } leg) return "You are not on this call.";
        var problem = await UpdateAsync(contact.Id, sid, o => o.Muted = mute, mute ? "mute you" : "unmute you");
        if (problem is null) leg.Muted = mute;
        return await AuditedAsync(problem, mute ? "call.mute" : "call.unmute", caseId, null, ct);
    }

    /// <summary>Takes one leg off the call (an interpreter, an agency, a supervisor). The caller's leg is never removed here.</summary>
    public async Task<string?> RemoveAsync(Guid caseId, Guid legId, CancellationToken ct)
    {
        var leg = await db.LiveCallLegs.SingleOrDefaultAsync(l => l.Id == legId && l.CaseId == caseId, ct);
        if (leg is null || !leg.IsLive) return "They are no longer on the call.";
        if (leg.Role == LegRole.Caller) return "The caller cannot be removed from their own call.";
        var problem = leg.CallSid is { } sid ? await HangUpAsync(leg.ContactId, sid, "remove " + leg.Label) : null;
        if (problem is null && leg.JoinedAt is null)
        {
            leg.State = LegState.Failed;
            leg.LeftAt = clock.GetUtcNow();
            leg.Failure = "Cancelled by the advocate before it was answered.";
        }
        return await AuditedAsync(problem, "call.remove", caseId, LiveCallTimeline.Who(leg), ct);
    }

    /// <summary>
    /// The advocate leaves: only once someone else who can help (an agency, another advocate) is on the call, so the
    /// caller stays with them; the caller comes off hold first. The advocate's leg never ends the room.
    /// </summary>
    public async Task<string?> LeaveAsync(Guid caseId, string userId, CancellationToken ct)
    {
        if (await LiveContactAsync(caseId, ct) is not { } contact) return NoLiveCall;
        if (await AdvocateLegAsync(contact.Id, userId, ct) is not { CallSid: { } sid }) return "You are not on this call.";
        var others = await db.LiveCallLegs.AnyAsync(l => l.ContactId == contact.Id && l.State == LegState.Joined && l.UserId != userId
            && (l.Role == LegRole.Outside || l.Role == LegRole.Advocate), ct);
        if (!others) return "You are the only one with the caller: bring someone in (an agency or a colleague) before you leave.";
        if (await SetCallerHoldAsync(contact, false, ct) is { } unhold) return unhold;
        var problem = await HangUpAsync(contact.Id, sid, "take you off the call");
        return await AuditedAsync(problem, "call.leave", caseId, "the caller stays with who is on the call", ct);
    }

    /// <summary>A supervisor joins by their operator phone: muted to listen, or coaching the advocate (heard by them only).</summary>
    public async Task<string?> SuperviseAsync(Guid contactId, HotlineUser supervisor, bool whisper, CancellationToken ct)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId && c.State == ContactState.WithOperator, ct);
        if (contact is null) return "That call has ended.";
        if (string.IsNullOrWhiteSpace(supervisor.OperatorPhone))
            return "Your account has no operator phone to join on. Ask an admin to add one on the Users page.";
        var advocate = await db.LiveCallLegs.Where(l => l.ContactId == contactId && l.Role == LegRole.Advocate
                && l.State == LegState.Joined && l.CallSid != null)
            .OrderByDescending(l => l.JoinedAt).FirstOrDefaultAsync(ct);
        if (whisper && advocate is null) return "No advocate is on this call yet to whisper to.";
        var mode = whisper ? "whisper" : "listen";
        var leg = await dialer.DialAsync(contact, new LegRequest(LegRole.Supervisor, supervisor.DisplayName,
            new PhoneNumber(supervisor.OperatorPhone.Trim()), "your phone")
        {
            UserId = supervisor.Id, Detail = mode, Muted = !whisper, CoachCallSid = whisper ? advocate!.CallSid : null,
        }, ct);
        return await AuditedAsync(leg.Failure, "call." + mode, contact.CaseId,
            whisper ? $"coaching {advocate!.Label}; the caller does not hear" : "muted: listening only", ct);
    }

    private Task<LiveCallLeg?> AdvocateLegAsync(Guid contactId, string userId, CancellationToken ct) =>
        db.LiveCallLegs.Where(l => l.ContactId == contactId && l.Role == LegRole.Advocate && l.UserId == userId
                && (l.State == LegState.Joined || l.State == LegState.Calling))
            .OrderByDescending(l => l.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>Hold plays the flow's hold message and music (never silence); unhold brings the caller back.</summary>
    private async Task<string?> SetCallerHoldAsync(Contact contact, bool hold, CancellationToken ct)
    {
        var problem = await UpdateAsync(contact.Id, contact.ExternalId, o =>
        {
            o.Hold = hold;
            if (hold)
            {
                o.HoldUrl = urls.Hold(flow.LanguageOrDefault(contact.Language));
                o.HoldMethod = Twilio.Http.HttpMethod.Post;
            }
        }, hold ? "put the caller on hold" : "take the caller off hold");
        if (problem is null)
        {
            var legs = await db.LiveCallLegs.Where(l => l.ContactId == contact.Id && l.Role == LegRole.Caller && l.State == LegState.Joined)
                .ToListAsync(ct);
            foreach (var leg in legs) leg.Held = hold;
        }
        return problem;
    }

    private async Task<string?> UpdateAsync(Guid contactId, string callSid, Action<UpdateParticipantOptions> change, string what)
    {
        var options = new UpdateParticipantOptions(await RoomAsync(contactId), callSid);
        change(options);
        try
        {
            _ = await ParticipantResource.UpdateAsync(options, twilio)
                ?? throw new Twilio.Exceptions.ApiConnectionException("Twilio gave an empty answer");
            return null;
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            log.LogWarning(e, "Could not change a leg of contact {ContactId}'s call: {Failure}", contactId, TwilioFailures.Classify(e));
            return TwilioFailures.ForChangingCall(e, what);
        }
    }

    private async Task<string?> HangUpAsync(Guid contactId, string callSid, string what)
    {
        try
        {
            await ParticipantResource.DeleteAsync(await RoomAsync(contactId), callSid, client: twilio);
            return null;
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            log.LogWarning(e, "Could not remove a leg of contact {ContactId}'s call: {Failure}", contactId, TwilioFailures.Classify(e));
            return TwilioFailures.ForChangingCall(e, what);
        }
    }

    /// <summary>Twilio's SID of the contact's conference (reported with every join), else its friendly name.</summary>
    private async Task<string> RoomAsync(Guid contactId) =>
        await db.LiveCallLegs.AsNoTracking().Where(l => l.ContactId == contactId && l.ConferenceSid != null)
            .Select(l => l.ConferenceSid).FirstOrDefaultAsync() ?? ConferenceRooms.NameFor(contactId);

    /// <summary>Audits what happened (or was tried and failed) and saves it with the legs' changes.</summary>
    private async Task<string?> AuditedAsync(string? problem, string action, Guid caseId, string? detail, CancellationToken ct)
    {
        audit.Record(action, caseId, problem is null ? detail : $"failed: {problem}" + (detail is null ? "" : $" ({detail})"));
        await db.SaveChangesAsync(ct);
        return problem;
    }

    private static string Trim(string text, int max) => text.Length > max ? text[..max] : text;
}
