using Hotline.Core.Flows;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Public.Chat;

/// <summary>The chat page itself: static markup; the script does the rest through <see cref="ChatApiController"/>.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("chat")]
public sealed class ChatController(HotlineSettings settings, Flow flow) : Controller
{
    [HttpGet("")]
    // The one quick-exit address of every public page (Hotline:QuickExitUrl, checked at start-up with the rest).
    public IActionResult Index() =>
        View(new ChatPageModel(settings.QuickExitUrl.AbsoluteUri, ChatLanguages.Of(flow), [.. flow.CallbackWindows.Keys]));
}

public sealed record ChatPageModel(string QuickExitUrl, IReadOnlyList<ChatLanguage> Languages, IReadOnlyList<string> SafeTimes);
