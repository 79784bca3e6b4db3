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

    /// <summary>
    /// Joins the groups of the visitor's case(s) and says how many (0: no conversation yet, call again after the
    /// first message; -1: malformed token). Called again after each reconnect: a new connection has no groups.
    /// </summary>
    public async Task<int> Watch(string token)
    {
        if (ChatSession.Valid(token) is not { } valid) return -1;
        var cases = await conversation.CaseIdsAsync(valid, Context.ConnectionAborted);
        foreach (var caseId in cases) await Groups.AddToGroupAsync(Context.ConnectionId, CaseGroup(caseId));
        return cases.Count;
    }
}
