using Hotline.Web.Infrastructure;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Hotline.Web.Referrals;

/// <summary>Sends SMS through Twilio's REST API from the hotline's own number.</summary>
public sealed class SmsChannel(ITwilioRestClient twilio, HotlineSettings settings)
{
    public async Task<DeliveryResult> SendAsync(string to, string text)
    {
        try
        {
            var message = await MessageResource.CreateAsync(
                to: new PhoneNumber(to), from: new PhoneNumber(settings.TwilioNumber), body: text, client: twilio)
                // An empty answer makes the SDK return null instead of throwing: not sent, as far as anyone knows.
                ?? throw new Twilio.Exceptions.ApiConnectionException("Twilio gave an empty answer");
            return DeliveryResult.Ok(message.Sid);
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            // Shown to operators and admins: words only, never Twilio's message (it carries the account URL).
            return DeliveryResult.Fail("SMS not sent: " + TwilioFailures.Describe(e));
        }
    }
}
