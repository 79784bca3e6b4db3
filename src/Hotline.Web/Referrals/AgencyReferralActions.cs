using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>
/// What an agency can do through its link (page or JSON API): open the referral, acknowledge, accept,
/// decline. Every refusal is a sentence for a person, with the HTTP status that fits it.
/// </summary>
public sealed class AgencyReferralActions(HotlineDbContext db, AgencyLinks links, ReferralLifecycle lifecycle, Audit audit)
{
    private const string Invalid = "This link is not valid. Check that the whole link was copied, or call the hotline for a new one.";
    private const string Expired =
        "This link has expired (links work for 72 hours). Please call the hotline and quote the case reference for a new one.";
    private const string Closed =
        "This referral is closed, so its link no longer opens it. Please call the hotline if you still need to act on this case.";

    public async Task<AgencyAnswer> OpenAsync(string token, CancellationToken ct)
    {
        var link = links.Check(token);
        if (link.State == LinkState.Invalid) return AgencyAnswer.Refuse(403, Invalid);
        if (link.State == LinkState.Expired) return AgencyAnswer.Refuse(410, Expired);
        var referral = await db.Referrals.Include(r => r.Case).Include(r => r.Agency)
            .FirstOrDefaultAsync(r => r.Id == link.ReferralId, ct);
        if (referral is null) return AgencyAnswer.Refuse(403, Invalid);
        // Once declined, expired (escalated elsewhere) or closed, the case is no longer this agency's to see.
        if (referral.Status is ReferralStatus.Declined or ReferralStatus.Expired or ReferralStatus.Closed)
            return AgencyAnswer.Refuse(410, Closed);
        return new AgencyAnswer(200, null, referral);
    }

    /// <summary>Opening the page shows case data (as the data level allows), so it is audited like any read.</summary>
    public async Task RecordViewAsync(Referral referral, CancellationToken ct)
    {
        audit.Record(
            "referral.agency-view", referral.CaseId, $"{referral.Agency.Name} opened the referral ({referral.DataLevel})", referral.Id,
            Actor(referral), referral.Agency.Name);
        await db.SaveChangesAsync(ct);
    }

    public async Task<AgencyAnswer> AnswerAsync(string token, ReferralTrigger trigger, string? reason, CancellationToken ct)
    {
        var opened = await OpenAsync(token, ct);
        if (opened.Referral is not { } referral) return opened;
        if (trigger == ReferralTrigger.Decline && string.IsNullOrWhiteSpace(reason))
            return AgencyAnswer.Refuse(400, "Please say why you decline, so the hotline can find someone else.");

        // Accepting or declining implies the agency has seen it: acknowledge first rather than refuse.
        if (trigger is ReferralTrigger.Accept or ReferralTrigger.Decline
            && referral.Status is ReferralStatus.Sent or ReferralStatus.Delivered)
        {
            lifecycle.Apply(referral, ReferralTrigger.Acknowledge, Actor(referral), referral.Agency.Name);
        }
        var detail = trigger == ReferralTrigger.Decline ? $"{referral.Agency.Name} declined: {reason}" : null;
        var transition = lifecycle.Apply(referral, trigger, Actor(referral), referral.Agency.Name, detail);
        if (!transition.Succeeded) return AgencyAnswer.Refuse(409, transition.Error!);
        if (trigger == ReferralTrigger.Decline && transition.Changed) referral.DeclineReason = reason!.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The deadline job (or a colleague) changed the referral meanwhile: ask to look again, never a 500.
            return AgencyAnswer.Refuse(409, "The referral changed while you were answering. Please reload the page and try again.");
        }
        return new AgencyAnswer(200, null, referral);
    }

    private static string Actor(Referral referral) => $"agency:{referral.AgencyId}";
}
