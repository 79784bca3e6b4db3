namespace Hotline.Web.Data;

/// <summary>
/// One check-in on the pathway's follow-up cadence, promised when a case's first referral is made. Written in that
/// referral's transaction, so a node that dies before handing the job to Hangfire loses nothing: the promise sweep finds a
/// row that is due and not settled and runs the check-in itself.
/// </summary>
public class FollowUpCheckIn
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>0 for the first check-in of the cadence, then 1, 2...</summary>
    public int Number { get; set; }
    /// <summary>When it is due; moved to the safe window's next opening when it fell outside it.</summary>
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Put on the board, or void (case closed, no consented callback): either way nothing more is owed.</summary>
    public DateTimeOffset? SettledAt { get; set; }
}
