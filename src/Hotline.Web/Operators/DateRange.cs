using System.Globalization;

namespace Hotline.Web.Operators;

/// <summary>A From/To filter that ends before it starts finds nothing; say so instead of showing "0 found".</summary>
public static class DateRange
{
    public static string? Problem(DateOnly? from, DateOnly? to) =>
        from is { } f && to is { } t && t < f
            ? $"The period ends ({Day(t)}) before it starts ({Day(f)}): change From or To."
            : null;

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
