using Hotline.Web.Live;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Live;

/// <summary>
/// The board in real Chromium under the strict CSP: a same-origin WebSocket; a change shows without waiting for a poll.
/// </summary>
public class LiveBoardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Counts the board's fetches of its partial, begun and answered (added before any page script runs). "Answered" once
    /// its body is read: site.js's handling, and a fetch it then starts at once ("again"), follow in the same microtask
    /// checkpoint, so a check from another task never sees a gap between the two.
    /// </summary>
    private const string CountBoardFetches = """
        (() => {
            const counts = window.hotlineBoardFetches = { started: 0, answered: 0 };
            const answered = () => { counts.answered++; };
            const fetch = window.fetch;
            window.fetch = function (url) {
                const promise = fetch.apply(this, arguments);
                if (String(url).endsWith("/board/live")) {
                    counts.started++;
                    promise.then(response => {
                        const text = response.text;
                        response.text = function () {
                            const body = text.apply(this, arguments);
                            body.then(answered, answered);
                            return body;
                        };
                    }, answered);
                }
                return promise;
            };
        })();
        """;

    [Fact]
    public async Task Board_CaseChangedSignal_ShowsTheNewCallerAtOnceOverAWebSocketTheCspAllows()
    {
        var page = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var refused = new List<string>();
        var sockets = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) refused.Add(m.Text); };
        page.WebSocket += (_, ws) => sockets.Add(ws.Url);
        await page.AddInitScriptAsync(CountBoardFetches);
        await page.ReloadAsync();
        var board = page.Locator("#board");
        await Assertions.Expect(board).ToHaveAttributeAsync("data-live", "connected");
        // The slow safety poll a board gets once every write path signals (data-live-poll-seconds="60").
        await board.EvaluateAsync(
            "b => { b.setAttribute('data-live-poll-seconds', '60'); b.dispatchEvent(new CustomEvent('hotline:live')); }");
        // The one refresh after joining has come and gone: live.js starts it before it marks the board connected, so
        // once every board fetch begun so far has its answer, nothing read before the write below can still show it.
        await page.WaitForFunctionAsync(
            "() => window.hotlineBoardFetches.started > 0 && window.hotlineBoardFetches.answered === window.hotlineBoardFetches.started",
            null, new() { Timeout = 30_000 });

        // Written without any signal: connected, the board now polls only every 60 s, so it must not appear by itself.
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App, waiting: TimeSpan.FromSeconds(20));
        var card = page.Locator($"li.card[data-case='{caller.CaseId}']");
        await Task.Delay(6000); // longer than the 5 s fallback poll
        await Assertions.Expect(card).ToHaveCountAsync(0);

        await fixture.App.Services.GetRequiredService<ConsoleSignals>().CaseChangedAsync(caller.CaseId, CancellationToken.None);

        // Well inside the 60 s safety poll (scheduled before the 6 s wait), so only the signal can have brought it.
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Contains(sockets, url => url.Contains(ConsoleHub.Path) && url.StartsWith("ws://", StringComparison.Ordinal));
        Assert.Empty(refused);
        Assert.Equal("connected", await board.GetAttributeAsync("data-live"));
    }
}
