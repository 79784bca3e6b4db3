namespace Hotline.Core.Flows;

/// <summary>A local time range within one day; End may be 24:00. Start is inclusive, End exclusive.</summary>
public readonly record struct TimeRange(TimeSpan Start, TimeSpan End)
{
    public bool Contains(TimeSpan timeOfDay) => timeOfDay >= Start && timeOfDay < End;

    public override string ToString() => $"{Start:hh\\:mm}-{(End == TimeSpan.FromHours(24) ? "24:00" : End.ToString("hh\\:mm"))}";
}
