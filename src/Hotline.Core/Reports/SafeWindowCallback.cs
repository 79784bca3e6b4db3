namespace Hotline.Core.Reports;

/// <summary>How a promised callback went, as the indicators count it (definitions in <see cref="IndicatorCatalogue"/>).</summary>
public enum SafeWindowCallback
{
    /// <summary>No attempt was placed inside the caller's safe window (none at all, or only outside it).</summary>
    NotMadeInside,
    /// <summary>Attempts were placed inside the window, but none was answered by a person.</summary>
    MadeInsideNotReached,
    /// <summary>An attempt placed inside the window was answered by a person.</summary>
    Reached,
}
