using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>What to dial into a contact's conference, and how that participant behaves there.</summary>
public sealed record LegRequest(LegRole Role, string Label, IEndpoint To, string Who)
{
    public string? UserId { get; init; }
    public Guid? AgencyId { get; init; }
    public string? Detail { get; init; }
    /// <summary>DTMF sent once the line answers (an interpreter service's access code).</summary>
    public string? SendDigits { get; init; }
    public bool Muted { get; init; }
    /// <summary>Whisper: heard by the leg with this CallSid only.</summary>
    public string? CoachCallSid { get; init; }
}

/// <summary>
/// Dials one leg into a contact's conference through Twilio's REST API (the SDK over the 10-second client): a row
/// first, so the leg's callbacks always find it, then the request. A refusal marks the row failed, in words.
/// </summary>
public sealed class LegDialer(
    HotlineDbContext db, ITwilioRestClient twilio, HotlineSettings settings, LiveCallUrls urls, TimeProvider clock, ILogger<LegDialer> log)
{
    private static readonly List<string> LegEvents = ["initiated", "ringing", "answered", "completed"];

    /// <returns>The leg (its state Calling, or Failed with the reason in <see cref="LiveCallLeg.Failure"/>).</returns>
    public async Task<LiveCallLeg> DialAsync(Contact contact, LegRequest request, CancellationToken ct)
    {
        var leg = new LiveCallLeg
        {
            Id = Guid.NewGuid(), ContactId = contact.Id, CaseId = contact.CaseId, Role = request.Role, Label = request.Label,
            UserId = request.UserId, AgencyId = request.AgencyId, Detail = request.Detail, State = LegState.Calling,
            Muted = request.Muted, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(leg);
        await db.SaveChangesAsync(ct);
        try
        {
            leg.CallSid = request.SendDigits is { Length: > 0 } digits
                ? await DialWithDigitsAsync(contact, leg, request, digits)
                : await AddParticipantAsync(contact, leg, request);
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            log.LogWarning(e, "Adding a {Role} leg to contact {ContactId}'s call failed: {Failure}", request.Role, contact.Id,
                TwilioFailures.Classify(e));
            leg.State = LegState.Failed;
            leg.LeftAt = clock.GetUtcNow();
            leg.Failure = TwilioFailures.ForAddingToCall(e, request.Who);
        }
        await db.SaveChangesAsync(CancellationToken.None); // the call is placed: its SID must be kept
        return leg;
    }

    private async Task<string> AddParticipantAsync(Contact contact, LiveCallLeg leg, LegRequest request)
    {
        var options = new CreateParticipantOptions(ConferenceRooms.NameFor(contact.Id), new PhoneNumber(settings.TwilioNumber), request.To)
        {
            Label = leg.Role.ToString().ToLowerInvariant(),
            Beep = "false",
            // Only the caller's leg ends the room: anyone else may leave and the caller stays with who is left.
            StartConferenceOnEnter = request.Role is not LegRole.Supervisor,
            EndConferenceOnExit = false,
            Muted = request.Muted,
            Timeout = 30,
            StatusCallback = urls.Participant(leg.Id),
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            StatusCallbackEvent = LegEvents,
            ConferenceStatusCallback = urls.Conference(contact.Id),
            ConferenceStatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            ConferenceStatusCallbackEvent = ["start", "end", "join", "leave", "mute", "hold"],
        };
        if (request.CoachCallSid is { } coached)
        {
            options.Coaching = true;
            options.CallSidToCoach = coached;
        }
        // An empty answer makes the SDK return null instead of throwing: that is no answer, not a success.
        var participant = await ParticipantResource.CreateAsync(options, twilio)
            ?? throw new Twilio.Exceptions.ApiConnectionException("Twilio gave an empty answer");
        leg.ConferenceSid = participant.ConferenceSid;
        return participant.CallSid;
    }

    /// <summary>
    /// The Participants API cannot send DTMF, so a line that needs an access code is called through the Calls API
    /// (SendDigits once it answers), and its TwiML then joins the conference with the leg's label.
    /// </summary>
    private async Task<string> DialWithDigitsAsync(Contact contact, LiveCallLeg leg, LegRequest request, string digits)
    {
        var dial = new Twilio.TwiML.Voice.Dial();
        dial.Conference(
            ConferenceRooms.NameFor(contact.Id), beep: Twilio.TwiML.Voice.Conference.BeepEnum.False,
            startConferenceOnEnter: true, endConferenceOnExit: false,
            statusCallbackEvent: ConferenceTwiml.Events, statusCallback: urls.Conference(contact.Id),
            statusCallbackMethod: Twilio.Http.HttpMethod.Post, participantLabel: leg.Role.ToString().ToLowerInvariant());
        var call = await CallResource.CreateAsync(
            to: request.To, from: new PhoneNumber(settings.TwilioNumber), sendDigits: digits, timeout: 30,
            twiml: new Twiml(new Twilio.TwiML.VoiceResponse().Append(dial).ToString()),
            statusCallback: urls.Participant(leg.Id), statusCallbackMethod: Twilio.Http.HttpMethod.Post,
            statusCallbackEvent: LegEvents, client: twilio)
            ?? throw new Twilio.Exceptions.ApiConnectionException("Twilio gave an empty answer");
        return call.Sid;
    }
}
