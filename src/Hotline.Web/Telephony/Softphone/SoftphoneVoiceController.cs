using Hotline.Web.Data;
using Hotline.Web.Telephony.LiveCalls;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Hotline.Web.Telephony.Softphone;

/// <summary>
/// The TwiML App's voice URL. When an advocate's browser places its call, Twilio asks here what to do: the browser is
/// joined to the conference of the call that advocate is handling, and to nothing else. The identity Twilio vouches
/// for (From = client:identity, signed request) must be the identity of the advocate who has that contact.
/// </summary>
[Route(SoftphoneRoutes.Voice)]
public sealed class SoftphoneVoiceController(HotlineDbContext db, SoftphoneSettings settings, ILogger<SoftphoneVoiceController> log)
    : TwilioController
{
    [HttpPost("")]
    public async Task<IActionResult> Join(CancellationToken ct)
    {
        var form = Form;
        var identity = SoftphoneCaller.Identity(FormValues.Short(form["From"], 200));
        var application = FormValues.Short(form["ApplicationSid"], 64);
        var contactId = Guid.TryParse(FormValues.Short(form[SoftphoneRoutes.ContactParameter], 64), out var id) ? id : (Guid?)null;
        if (identity is null || contactId is null || (application is not null && application != settings.TwimlAppSid))
            return Twiml(Refused());

        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new { c.AnsweredBy, c.State, c.EndedAt }).SingleOrDefaultAsync(ct);
        if (contact?.AnsweredBy is not { } advocate || AdvocateIdentity.For(advocate) != identity || contact.EndedAt is not null)
        {
            // Ids only: an identity is a user's, and a contact id is not a caller's data.
            log.LogWarning("Softphone join refused for contact {ContactId}: not this advocate's call, or it has ended", contactId);
            return Twiml(Refused());
        }

        var dial = new Dial();
        dial.Conference(ConferenceRooms.NameFor(contactId.Value), beep: Conference.BeepEnum.False,
            startConferenceOnEnter: true, endConferenceOnExit: false);
        return Twiml(new VoiceResponse().Append(dial));
    }

    /// <summary>Said to the advocate's browser, never to a caller: short, and names nothing.</summary>
    private static VoiceResponse Refused() =>
        new VoiceResponse().Say("This call cannot be joined from this browser. Take the call again from the board.").Hangup();
}
