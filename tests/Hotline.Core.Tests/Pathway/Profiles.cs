using Hotline.Core.Cases;
using Hotline.Core.Pathway;

namespace Hotline.Core.Tests.Pathway;

internal static class Profiles
{
    public static CaseProfile Adult(
        bool? consent,
        ContactType? contactType = ContactType.Tip,
        TraffickingType type = TraffickingType.Sex,
        bool imminentDanger = false,
        params string[] needs) =>
        new(false, imminentDanger, contactType, type, consent, needs.ToHashSet(), "TX", "en");

    public static CaseProfile Child(bool? consent = null) =>
        new(true, false, ContactType.Tip, TraffickingType.Sex, consent, new HashSet<string>(), "TX", "es");
}
