using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Console;

/// <summary>axe-core on the page as it is now: the serious and critical violations, each with the markup it found.</summary>
public static class ConsoleAxe
{
    public static async Task<IReadOnlyList<string>> SeriousOrCriticalAsync(IPage page)
    {
        var result = await page.RunAxe();
        return Describe(result, v => v.Impact is "serious" or "critical");
    }

    public static async Task<IReadOnlyList<string>> AllAsync(IPage page) => Describe(await page.RunAxe(), _ => true);

    /// <summary>Fails with the page's name and every serious or critical violation on it.</summary>
    public static async Task AssertCleanAsync(IPage page, string what)
    {
        var found = await SeriousOrCriticalAsync(page);
        Assert.True(found.Count == 0, $"{what} ({page.Url}):\n" + string.Join("\n", found));
    }

    private static List<string> Describe(AxeResult result, Func<AxeResultItem, bool> which) =>
        [.. result.Violations.Where(which)
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")];
}
