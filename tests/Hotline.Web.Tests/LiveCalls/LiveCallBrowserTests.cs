using System.Text.RegularExpressions;
using Hotline.Web.Data;
using Hotline.Web.Telephony.LiveCalls;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.LiveCalls;

/// <summary>
/// The live-call tools on the case page in real Chromium, as an advocate uses them at 3 a.m.: take a queued call, add
/// the suggested interpreter, put the police unit's duty line through with the caller on hold (keyboard only), read the
/// call's state on the page, axe on the page with the tools showing, and a mistyped number refused in words. Twilio's
/// REST API is the WireMock stand-in; its conference callbacks are posted signed, as Twilio would.
/// </summary>
public class LiveCallBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>The sample directory's national police unit; its duty line is +12025550100.</summary>
    private static readonly Guid Police = Guid.Parse("7b7f6a1e-0c1f-4c51-9c1a-2f6d0b0a0001");
    private const string PoliceName = "Federal Anti-Trafficking Police Unit";
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    [Fact]
    public async Task LiveCall_TakeAddInterpreterWarmTransferPolice_PageShowsEachStatePassesAxeAndRefusesABadNumber()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App, callerHash: "hash-of-a-live-call-caller");
        var advocate = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var page = await fixture.SignedInPageAsync(advocate, ConsoleSeed.OperatorPassword);
        var room = ConferenceRooms.NameFor(caller.ContactId);

        // Take the call from the board: the caller joins their room, the advocate's phone is dialled into it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Take call " + caller.Reference }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/cases/{caller.CaseId}$"));
        var panel = page.Locator("section.live-call");
        await Assertions.Expect(panel).ToBeVisibleAsync(Visible);
        await Assertions.Expect(panel).ToContainTextAsync("ringing");
        var advocateLeg = await LegAsync(caller.ContactId, LegRole.Advocate);
        await ConferenceEventAsync(caller.ContactId, room, "participant-join", caller.CallSid);
        await ConferenceEventAsync(caller.ContactId, room, "participant-join", advocateLeg.CallSid);
        await page.ReloadAsync();
        await Assertions.Expect(panel).ToContainTextAsync("on the call");
        await Assertions.Expect(panel).Not.ToContainTextAsync("ringing");

        // The interpreter line for the caller's IVR language is suggested: one click.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add interpreter: Spanish interpreters (es)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Calling the interpreter line." }))
            .ToBeVisibleAsync(Visible);
        await Assertions.Expect(panel.Locator("li.leg", new() { HasText = "Interpreter Spanish interpreters (es)" }))
            .ToContainTextAsync("ringing");
        // A line without an access code joins through the Participants API; one with a code through the Calls API.
        Assert.Contains(fixture.Twilio.Requests($"/Accounts/{TwilioApiMock.AccountSid}/"),
            r => r.Method == "POST" && r.Form.GetValueOrDefault("To") == BrowserFixture.SpanishInterpreterLine);
        var interpreter = await LegAsync(caller.ContactId, LegRole.Interpreter);
        await ConferenceEventAsync(caller.ContactId, room, "participant-join", interpreter.CallSid);

        // Warm transfer, keyboard only: the police unit's duty line, speaking to them first with the caller on hold.
        await page.ReloadAsync();
        await page.GetByLabel("Agency (its phone line)").FocusAsync();
        await page.GetByLabel("Agency (its phone line)").SelectOptionAsync(new SelectOptionValue { Label = PoliceName });
        await page.Keyboard.PressAsync("Tab"); // the number box, left empty
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Speak to them first (caller on hold)")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Call into this call" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)
            .Filter(new() { HasText = "Calling them; the caller is on hold until you bring everyone together." }))
            .ToBeVisibleAsync(Visible);
        var policeAdd = fixture.Twilio.Requests(ConferenceApiStubs.ParticipantsPath(room))[^1];
        Assert.Equal("+12025550100", policeAdd.Form["To"]);
        Assert.Equal("true", fixture.Twilio.Requests($"/Participants/{caller.CallSid}.json")[^1].Form["Hold"]);
        var police = await LegAsync(caller.ContactId, LegRole.Outside);
        Assert.Equal(Police, police.AgencyId);
        await ConferenceEventAsync(caller.ContactId, room, "participant-hold", caller.CallSid, "Hold", "true");
        await ConferenceEventAsync(caller.ContactId, room, "participant-join", police.CallSid);

        // What the advocate sees: the caller on hold, who is on the call, and the one button that brings everyone together.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live call — caller on hold" }))
            .ToBeVisibleAsync(Visible);
        await Assertions.Expect(panel.Locator("li.leg", new() { HasText = PoliceName })).ToContainTextAsync("on the call");
        await Assertions.Expect(panel.Locator("li.leg", new() { HasText = "Interpreter Spanish interpreters (es)" }))
            .ToContainTextAsync("on the call");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bring everyone together (unhold caller)" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remove {PoliceName} from the call" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Interpreter added by");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Outside line called by");
        await Assertions.Expect(page.Locator(".timeline")).Not.ToContainTextAsync(caller.ContactId.ToString());
        await ConsoleAxe.AssertCleanAsync(page, "case page with the live-call tools");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("live-call"), FullPage = true });

        // A mistyped number is refused in words, and nothing is dialled.
        var dialled = fixture.Twilio.Requests(ConferenceApiStubs.ParticipantsPath(room)).Count;
        await page.GetByLabel("Number (+ country code)").FillAsync("911");
        await page.GetByRole(AriaRole.Button, new() { Name = "Call into this call" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("short code", new() { Timeout = 30_000 });
        await page.GetByLabel("Number (+ country code)").FillAsync("+1 555 123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Call into this call" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not a valid international number",
            new() { Timeout = 30_000 });
        Assert.Equal(dialled, fixture.Twilio.Requests(ConferenceApiStubs.ParticipantsPath(room)).Count);
        await ConsoleAxe.AssertCleanAsync(page, "case page with a refused number");
    }

    private Task<LiveCallLeg> LegAsync(Guid contactId, LegRole role) => ConferenceCallbacks.LegAsync(fixture.App, contactId, role);

    private Task ConferenceEventAsync(
        Guid contactId, string room, string what, string? callSid, string? extraKey = null, string? extraValue = null)
    {
        Assert.Equal(ConferenceRooms.NameFor(contactId), room);
        return ConferenceCallbacks.PostAsync(fixture.App, contactId, what, callSid, extraKey, extraValue);
    }
}
