using Hotline.Core.Cases;
using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators.Conversations;

/// <summary>
/// An advocate took (or was given) a conversation: the case moves as when an operator takes a call (intake over,
/// triage done, in progress) and is assigned to them. The case's xmin guards the write; a webhook writing the
/// case meanwhile makes it read again and apply the move once more.
/// </summary>
public static class CaseAssignment
{
    /// <summary>The move in words, for the audit, before it is made ("now In progress", "stays Referred").</summary>
    public static string Planned(CaseStatus status)
    {
        var from = status == CaseStatus.Intake ? CaseMachine.Apply(status, CaseTrigger.IntakeCompleted).To : status;
        var took = CaseMachine.Apply(from, CaseTrigger.OperatorTook);
        return took.Succeeded ? "now " + Labels.Of(took.To) : "stays " + Labels.Of(status);
    }

    public static async Task AssignAsync(HotlineDbContext db, Case @case, string operatorId, DateTimeOffset now)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A conversation can reach the queue before intake is marked complete; triage follows either way.
            if (@case.Status == CaseStatus.Intake) @case.Status = CaseMachine.Apply(@case.Status, CaseTrigger.IntakeCompleted).To;
            var took = CaseMachine.Apply(@case.Status, CaseTrigger.OperatorTook);
            if (took.Succeeded) @case.Status = took.To;
            @case.AssignedOperatorId = operatorId;
            @case.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 4)
            {
                await db.Entry(@case).ReloadAsync(CancellationToken.None);
            }
        }
    }
}
