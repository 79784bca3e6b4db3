using Hotline.Web.Infrastructure;
using Hotline.Web.Telephony.LiveCalls;
using Twilio.Jwt.AccessToken;

namespace Hotline.Web.Telephony.Softphone;

/// <summary>
/// Short-lived Twilio access tokens for the console's browser phone: a Voice grant for our TwiML App (outgoing: the
/// advocate's browser joins the call they handle) that also lets calls ring in (incoming), under the advocate's
/// Twilio Client identity. Signed with the API key's secret, so the auth token never leaves the server.
/// </summary>
public sealed class SoftphoneTokens(SoftphoneSettings softphone, HotlineSettings settings, TimeProvider clock)
{
    public SoftphoneToken Issue(string userId)
    {
        if (softphone.Missing() is not null)
            throw new InvalidOperationException("The softphone is not set up.");
        var identity = AdvocateIdentity.For(userId);
        var expires = clock.GetUtcNow() + softphone.TokenLifetime;
        var grant = new VoiceGrant { OutgoingApplicationSid = softphone.TwimlAppSid, IncomingAllow = true };
        var token = new Token(settings.TwilioAccountSid, softphone.ApiKeySid, softphone.ApiKeySecret, identity,
            expiration: expires.UtcDateTime, grants: [grant]);
        return new SoftphoneToken(token.ToJwt(), identity, expires);
    }
}

/// <summary>What the browser gets: the JWT, the identity it names, and when it ends (to renew it in time).</summary>
public sealed record SoftphoneToken(string Token, string Identity, DateTimeOffset ExpiresAt);
