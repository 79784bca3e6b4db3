using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Telephony.Callbacks;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>
/// A taken call whose final status callback was lost would stay "with an advocate" for ever. A voice contact with an
/// advocate and nothing heard for a while is asked about at Twilio's Calls API; when the call is over it is ended by
/// the same code a status callback runs (<see cref="CallProgress.StatusAsync"/>, or for a callback the service made,
/// <see cref="CallbackAnswers.EndedAsync"/>). When Twilio cannot be asked the call is left as it is: a caller may well
/// still be talking, and the next run asks again.
/// </summary>
public sealed class TakenCallReconcile(
    HotlineDbContext db, CallProgress progress, CallbackAnswers callbacks, TwilioCallLookup twilio, TimeProvider clock,
    ILogger<TakenCallReconcile> log)
{
    /// <summary>Nothing written about the call for this long: worth asking Twilio whether it is still going.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(5);

    private const int Batch = 200;

    public async Task RunAsync()
    {
        var quietSince = clock.GetUtcNow() - Quiet;
        // Only calls Twilio knows by a CallSid ("callback-..." is a callback not yet placed: its dialler settles it).
        var taken = await db.Contacts.AsNoTracking()
            .Where(c => c.Channel == Channel.Voice && c.State == ContactState.WithOperator && c.LastActivityAt < quietSince
                && c.ExternalId.StartsWith("CA"))
            .OrderBy(c => c.LastActivityAt).Take(Batch)
            .Select(c => new
            {
                c.Id, c.ExternalId,
                Callback = db.CallbackAttempts.Where(a => a.ContactId == c.Id && a.EndedAt == null)
                    .Select(a => (Guid?)a.Id).FirstOrDefault(),
            })
            .ToListAsync();
        foreach (var call in taken)
        {
            var status = await twilio.AskAsync(call.ExternalId) switch
            {
                TwilioCallAnswer.Ended ended => ended.Status,
                TwilioCallAnswer.NotFound => "completed", // Twilio has no such call: nobody is on it
                TwilioCallAnswer.Unknown => null,
                _ => "",
            };
            if (status is null) return; // Twilio cannot be reached: leave them all, and ask again on the next run
            if (status.Length == 0) continue; // still going: the board is right
            if (call.Callback is { } attempt)
                await callbacks.EndedAsync(attempt, status, null, CancellationToken.None);
            else
                await progress.StatusAsync(new CallWebhook(call.ExternalId, null, null), status, CancellationToken.None);
            log.LogInformation(
                "Taken call {ContactId} had ended at Twilio ({Status}) but its final status never reached us; it is ended now",
                call.Id, status);
        }
    }
}
