namespace Hotline.Web.Telephony;

/// <summary>
/// Counts webhooks refused for a wrong X-Twilio-Signature. Twilio signs every request it sends, so a run of
/// wrong signatures means a rotated auth token or a PublicBaseUrl that does not match the Twilio console:
/// every caller is then being refused (and, at best, reaching the fallback URL). Health, the log and the
/// board read it to make that loud. Per node and in memory on purpose: it must work with the database down,
/// and each node refuses (or not) on its own configuration.
/// </summary>
public sealed class TwilioRefusals(TimeProvider clock)
{
    /// <summary>How long a refusal keeps health degraded and the board banner up.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(15);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private long _total;
    private DateTimeOffset? _last;

    /// <summary>Records one refusal; returns the counts to log with it.</summary>
    public TwilioRefusalCounts Record()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _total++;
            _last = now;
            _recent.Enqueue(now);
            Forget(now);
            return new TwilioRefusalCounts(_recent.Count, _total, now);
        }
    }

    /// <summary>Refusals since start-up (the metric hotline.twilio.signature_refusals).</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Refusals within <see cref="RecentWindow"/>, or null when there were none.</summary>
    public TwilioRefusalCounts? Recent()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Forget(now);
            return _recent.Count == 0 || _last is not { } last ? null : new TwilioRefusalCounts(_recent.Count, _total, last);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        // Bounded: a flood of forged requests must not grow memory without limit.
        while (_recent.Count > 0 && (now - _recent.Peek() > RecentWindow || _recent.Count > 100_000)) _recent.Dequeue();
    }
}

/// <summary>Refusals in the recent window, since start-up, and the time of the last one.</summary>
public sealed record TwilioRefusalCounts(int Recent, long Total, DateTimeOffset Last);
