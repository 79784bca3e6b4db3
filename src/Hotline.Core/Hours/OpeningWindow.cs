namespace Hotline.Core.Hours;

/// <summary>
/// One opening on one weekday, in local time. A window whose close is not after its open runs past midnight
/// into the next day (night shelters, a night line); 00:00-00:00 is the whole day.
/// </summary>
public sealed record OpeningWindow(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    public bool CrossesMidnight => Closes <= Opens;

    public bool Contains(DayOfWeek day, TimeOnly time)
    {
        if (!CrossesMidnight)
        {
            return day == Day && time >= Opens && time < Closes;
        }

        var nextDay = (DayOfWeek)(((int)Day + 1) % 7);
        return (day == Day && time >= Opens) || (day == nextDay && time < Closes);
    }
}
