using Hotline.Core.Flows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Public.Chat;

/// <summary>The chat page itself: static markup; the script does the rest through <see cref="ChatApiController"/>.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("chat")]
public sealed class ChatController(ChatPageSettings settings, Flow flow) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ChatPageModel(settings.QuickExitUrl, ChatLanguages.Of(flow), [.. flow.CallbackWindows.Keys]));
}

public sealed record ChatPageModel(string QuickExitUrl, IReadOnlyList<ChatLanguage> Languages, IReadOnlyList<string> SafeTimes);
