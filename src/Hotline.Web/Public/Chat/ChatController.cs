using Hotline.Core.Flows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Public.Chat;

/// <summary>The chat page itself: static markup; the script does the rest through <see cref="ChatApiController"/>.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("chat")]
public sealed class ChatController(PublicPages pages, Flow flow) : Controller
{
    /// <summary>The page in the visitor's language (?lang=, else the browser's), drawn in the public layout.</summary>
    [HttpGet("")]
    public IActionResult Index([FromQuery] string? lang)
    {
        var chrome = pages.Chrome(pages.LanguageOf(Request, lang), "/chat");
        return View(new ChatPageModel(chrome, ChatLanguages.Of(flow), [.. flow.CallbackWindows.Keys]));
    }
}
