using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Web.Public.Chat;

/// <summary>
/// The visitor's live link (<c>/hubs/chat</c>, anonymous). It only says <c>changed()</c>: the page then fetches its
/// own rows after the last sequence it holds, through the API, so a push reveals nothing and a lost push loses
/// nothing. The token is given to <see cref="Watch"/> over the open connection, not in the URL, so it never lands
/// in an access log; the hub maps it to the visitor's case(s) and joins their groups.
/// </summary>
[AllowAnonymous]
public sealed class ChatHub(ChatConversation conversation) : Hub
{
    public const string Path = "/hubs/chat";

    public static string CaseGroup(Guid caseId) => "case:" + caseId.ToString("D");

    /// <summary>Joins the groups of the visitor's case(s); false when the token is malformed. Called again after each reconnect.</summary>
    public async Task<bool> Watch(string token)
    {
        if (ChatSession.Valid(token) is not { } valid) return false;
        foreach (var caseId in await conversation.CaseIdsAsync(valid, Context.ConnectionAborted))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, CaseGroup(caseId));
        }
        return true;
    }
}
