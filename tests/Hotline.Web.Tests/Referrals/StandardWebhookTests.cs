using Hotline.Core.Cases;
using Hotline.Web.Jobs;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Hotline.Web.Tests.Referrals;

/// <summary>
/// Our real deliveries, as WireMock received them, checked by the StandardWebhooks package: a verifier nobody here wrote.
/// </summary>
public sealed class StandardWebhookTests : IClassFixture<ReferralFixture>
{
    private readonly ReferralFixture _f;

    public StandardWebhookTests(ReferralFixture fixture)
    {
        _f = fixture;
        // The library checks the timestamp against the wall clock (5 minutes), so the service's clock must be now.
        _f.App.Clock.Set(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Deliver_Webhook_StandardWebhooksLibraryVerifiesItAndWebhookIdIsTheDeliveryId()
    {
        var (request, notificationId) = await DeliverAsync();
        var webhook = new StandardWebhook(WebhookSignature.StandardSecret(HotlineApp.AgencyWebhookSecret));

        webhook.Verify(request.Body!, Headers(request));

        Assert.Equal(notificationId.ToString(), request.Headers!["webhook-id"].Single());
        Assert.Equal(request.Headers!["webhook-id"].Single(), request.Headers!["Hotline-Delivery-Id"].Single());
    }

    [Fact]
    public async Task Deliver_Webhook_TamperedBodyOrOtherKey_LibraryRejects()
    {
        var (request, _) = await DeliverAsync();
        var genuine = new StandardWebhook(WebhookSignature.StandardSecret(HotlineApp.AgencyWebhookSecret));
        var otherKey = new StandardWebhook(WebhookSignature.StandardSecret([.. Enumerable.Repeat((byte)7, 32)]));

        Assert.Throws<WebhookVerificationException>(() => genuine.Verify(request.Body!.Replace("HL-", "HX-"), Headers(request)));
        Assert.Throws<WebhookVerificationException>(() => otherKey.Verify(request.Body!, Headers(request)));
    }

    [Fact]
    public async Task Deliver_Webhook_LegacyHeadersStillSentAlongside()
    {
        var (request, _) = await DeliverAsync();

        Assert.Equal(request.Headers!["webhook-timestamp"].Single(), request.Headers!["X-Hotline-Timestamp"].Single());
        Assert.Equal(
            WebhookSignature.Sign(HotlineApp.AgencyWebhookSecret, request.Headers!["X-Hotline-Timestamp"].Single(), request.Body!),
            request.Headers!["X-Hotline-Signature"].Single());
    }

    private async Task<(WireMock.IRequestMessage Request, Guid NotificationId)> DeliverAsync()
    {
        var path = "/standard/" + Guid.NewGuid().ToString("N");
        var agency = await _f.NewWebhookAgencyAsync(path);
        var @case = await _f.NewCaseAsync(c => { c.ConsentToShare = true; c.Jurisdiction = "ZZ"; c.ContactType = ContactType.Tip; });
        Hotline.Web.Data.Referral? referral = null;
        await _f.RunAsync<ReferralDesk>(async d => referral = await d.SendAsync(@case.Id, agency.Id, "op-1", "Operator One", default));
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral!.Id, 0));
        var request = Assert.Single(_f.Received(path)).RequestMessage!;
        var notification = await _f.App.WithDbAsync(db => db.Notifications.SingleAsync(n => n.ReferralId == referral!.Id));
        return (request, notification.Id);
    }

    private static HeaderDictionary Headers(WireMock.IRequestMessage request)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, values) in request.Headers!) headers[name] = new StringValues([.. values]);
        return headers;
    }
}
