namespace Hotline.Core.Referrals;

/// <summary>When an agency answers. Absent (null) on a listing means 24/7.</summary>
public sealed record WeeklyHours(IReadOnlyList<OpeningWindow> Windows)
{
    /// <summary>Converts to the agency's own zone first, so daylight-saving shifts are the zone's business.</summary>
    public bool IsOpen(DateTimeOffset now, TimeZoneInfo timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(now, timeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Windows.Any(w => w.Contains(local.DayOfWeek, time));
    }
}
