using Hotline.Web.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Web.Live;

/// <summary>
/// The console's live channel (<c>/hubs/console</c>). Clients only learn <em>that</em> something changed (an id);
/// they re-fetch the page part through the ordinary, authorised and audited controllers. So joining a case's
/// group reveals nothing a staff member could not already open, and the hub needs no audit of its own.
/// Server-to-client messages: <c>caseChanged(caseId)</c>, <c>boardChanged()</c>, <c>resync()</c> (this node
/// may have missed notifications: refresh everything shown).
/// </summary>
[Authorize(Policy = Policies.Console)]
public sealed class ConsoleHub : Hub
{
    public const string Path = "/hubs/console";
    public const string BoardGroup = "board";

    public static string CaseGroup(Guid caseId) => "case:" + caseId.ToString("D");

    public Task WatchBoard() => Groups.AddToGroupAsync(Context.ConnectionId, BoardGroup);

    public Task WatchCase(Guid caseId) => Groups.AddToGroupAsync(Context.ConnectionId, CaseGroup(caseId));
}
