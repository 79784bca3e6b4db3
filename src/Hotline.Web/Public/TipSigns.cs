using Hotline.Core.Public;

namespace Hotline.Web.Public;

/// <summary>
/// The tip form's plain-word signs and the screening indicator each records on the case (the codes of
/// <see cref="Operators.Screening.Indicators"/>, the classification form's checklist), so an advocate sees a
/// visitor's ticks already ticked.
/// </summary>
public static class TipSigns
{
    public static readonly IReadOnlyDictionary<string, string> Indicator = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["passport"] = "coercion-documents",
        ["debt"] = "coercion-debt",
        ["confined"] = "force-confinement",
        ["hurt"] = "force-violence",
        ["job"] = "fraud-job",
        ["family"] = "coercion-threats-family",
        ["police"] = "coercion-immigration",
        ["isolated"] = "coercion-isolation",
        ["minor_sex"] = "commercial-sex-minor",
    };

    /// <summary>A minor in commercial sex is a child involved, whatever the child question says.</summary>
    public const string MinorInCommercialSex = "minor_sex";

    public static IReadOnlyList<string> Keys => PublicTextKeys.Signs;
}
