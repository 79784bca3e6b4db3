namespace Hotline.Core.Referrals;

/// <summary>
/// One opening on one weekday, in the agency's local time. A window whose close is not after its
/// open runs past midnight into the next day (night shelters).
/// </summary>
public sealed record OpeningWindow(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    public bool Contains(DayOfWeek day, TimeOnly time)
    {
        if (Closes > Opens)
        {
            return day == Day && time >= Opens && time < Closes;
        }

        var nextDay = (DayOfWeek)(((int)Day + 1) % 7);
        return (day == Day && time >= Opens) || (day == nextDay && time < Closes);
    }
}
