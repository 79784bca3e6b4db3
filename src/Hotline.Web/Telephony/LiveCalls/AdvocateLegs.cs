using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Twilio.Types;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>
/// Joins an advocate to a contact's conference, on their operator phone or in the console's softphone. Used by
/// "Take call" and by a callback made from the console.
/// </summary>
public sealed class AdvocateLegs(HotlineDbContext db, LegDialer dialer)
{
    /// <returns>Null when Twilio is dialling the advocate; otherwise the problem in plain words for the advocate.</returns>
    public async Task<string?> JoinAsync(Guid contactId, HotlineUser advocate, AdvocateDevice device, CancellationToken ct)
    {
        IEndpoint to;
        if (device == AdvocateDevice.Browser)
        {
            to = new Client(AdvocateIdentity.For(advocate.Id));
        }
        else if (string.IsNullOrWhiteSpace(advocate.OperatorPhone))
        {
            return "Your account has no operator phone, so the call cannot be put through. Answer in the browser, or ask an admin " +
                "to add a phone on the Users page.";
        }
        else
        {
            to = new PhoneNumber(advocate.OperatorPhone.Trim());
        }
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return "This call is no longer on record.";
        var leg = await dialer.DialAsync(contact, new LegRequest(LegRole.Advocate, advocate.DisplayName, to,
            device == AdvocateDevice.Browser ? "you in the browser" : "your phone")
        {
            UserId = advocate.Id,
            Detail = device == AdvocateDevice.Browser ? "browser" : "phone",
        }, ct);
        return leg.Failure;
    }
}
