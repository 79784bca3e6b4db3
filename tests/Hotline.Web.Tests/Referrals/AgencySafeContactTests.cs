using Hotline.Core.Cases;
using Hotline.Web.Jobs;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using static Hotline.Web.Tests.Referrals.ReferralFixture;

namespace Hotline.Web.Tests.Referrals;

/// <summary>Whoever may contact the victim sees how to do it safely: the rules come before the number.</summary>
public class AgencySafeContactTests : IClassFixture<ReferralFixture>
{
    private readonly ReferralFixture _f;

    public AgencySafeContactTests(ReferralFixture fixture)
    {
        _f = fixture;
        _f.App.Clock.Set(TestClock.WednesdayAfternoon);
    }

    [Fact]
    public async Task AgencyPage_FullDataLevel_ShowsTheSafeContactRulesBeforeTheCallersNumber()
    {
        var @case = await _f.NewCaseAsync(c =>
        {
            c.ChildInvolved = true; c.ContactType = ContactType.Tip;
            c.CallbackAllowed = true; c.CallbackWindow = "afternoons"; c.VoicemailAllowed = false; c.SafeToTalk = true;
        });
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        var referral = (await _f.ReferralsAsync(@case.Id)).Single(r => r.AgencyId == TexasChildProtection);
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0));

        var html = await (
            await ConsoleClient.Anonymous(_f.App).GetAsync($"/agency/referrals/{_f.TokenFor(referral.Id)}")).Content.ReadAsStringAsync();

        var number = html.IndexOf(CallerNumber[2..], StringComparison.Ordinal);
        Assert.True(number > 0, "the full data level shows the caller's number");
        foreach (var rule in new[] { "NO voicemail", "Only afternoons", "Call back: yes", "Text only after 9pm" })
        {
            var at = html.IndexOf(rule, StringComparison.Ordinal);
            Assert.True(at >= 0 && at < number, $"'{rule}' is not shown before the caller's number");
        }
    }
}
