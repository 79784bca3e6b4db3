using Hotline.Web.Infrastructure;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>What Twilio's Calls API says about one call, in the words a reconciliation needs.</summary>
public abstract record TwilioCallAnswer
{
    /// <summary>Still going; <paramref name="Answered"/> once the other end picked up (in-progress), since Twilio's start time.</summary>
    public sealed record Live(bool Answered, DateTimeOffset? AnsweredAt) : TwilioCallAnswer;

    /// <summary>Over: its final status, when it was answered (null if never) and when it ended.</summary>
    public sealed record Ended(string Status, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt) : TwilioCallAnswer;

    /// <summary>Twilio has no such call: nobody can be on it.</summary>
    public sealed record NotFound : TwilioCallAnswer;

    /// <summary>Twilio could not be asked (unreachable, refused, an empty answer): try again later.</summary>
    public sealed record Unknown : TwilioCallAnswer;
}

/// <summary>
/// Asks Twilio's Calls API about a call (the SDK over the 10-second client). Used by the sweeps that recover what a
/// lost status callback would have told us: the database is the truth they recover from, Twilio the witness.
/// </summary>
public sealed class TwilioCallLookup(ITwilioRestClient twilio, ILogger<TwilioCallLookup> log)
{
    public async Task<TwilioCallAnswer> AskAsync(string callSid)
    {
        CallResource? call;
        try
        {
            call = await CallResource.FetchAsync(pathSid: callSid, client: twilio);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return new TwilioCallAnswer.NotFound();
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            // Not the exception itself: Twilio's message may quote a number. The sweep tries again on its next run.
            log.LogWarning("Twilio could not be asked about a live call ({Failure}); it is left as it is and asked again later",
                TwilioFailures.Classify(e));
            return new TwilioCallAnswer.Unknown();
        }
        if (call is null) return new TwilioCallAnswer.Unknown(); // an empty answer is no answer
        var status = call.Status?.ToString();
        var started = Utc(call.StartTime);
        if (!CallStatuses.IsFinal(status))
            return new TwilioCallAnswer.Live(status == "in-progress", status == "in-progress" ? started : null);
        var ended = Utc(call.EndTime);
        DateTimeOffset? answered = null;
        if (status == "completed" && int.TryParse(call.Duration, out var seconds) && seconds > 0)
        {
            // Duration counts from the answer: a completed call was picked up that long before it ended.
            answered = ended?.AddSeconds(-seconds) ?? started;
        }
        return new TwilioCallAnswer.Ended(status!, answered, ended);
    }

    private static DateTimeOffset? Utc(DateTime? time) =>
        time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc)) : null;
}
