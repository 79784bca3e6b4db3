using Hotline.Core.Callers;
using Hotline.Core.Public;

namespace Hotline.Web.Public;

/// <summary>
/// What a visitor typed into /tip, exactly as typed (so the form comes back with everything still there), and
/// the checks it must pass. Unknown fields are ignored; a value outside a list (a jurisdiction, a safe time, a
/// sign) is dropped rather than trusted.
/// </summary>
public sealed record TipForm
{
    public const int WhatMax = 5000;
    public const int PlaceMax = 500;
    public const int WhenMax = 300;
    public const int WhoMax = 1000;
    public const int PhoneMax = 40;
    public const int SafeWayMax = 500;

    // Field names, shared by the view and the reader.
    public const string LanguageField = "lang";
    public const string StampField = "stamp";
    public const string WhatField = "what";
    public const string JurisdictionField = "jurisdiction";
    public const string PlaceField = "place";
    public const string WhenField = "when";
    public const string WhoField = "who";
    public const string ChildField = "child";
    public const string SignsField = "signs";
    public const string PhoneField = "phone";
    public const string SafeTimeField = "safe_time";
    public const string SafeWayField = "safe_way";
    /// <summary>The honeypot: hidden from people by CSS, filled in by form-filling scripts.</summary>
    public const string HoneypotField = "website";

    public string What { get; init; } = "";
    public string? Jurisdiction { get; init; }
    public string Place { get; init; } = "";
    public string When { get; init; } = "";
    public string Who { get; init; } = "";
    /// <summary>"yes", "no", "not_sure" or "" (not answered).</summary>
    public string Child { get; init; } = "";
    public IReadOnlyList<string> Signs { get; init; } = [];
    public string Phone { get; init; } = "";
    public string? SafeTime { get; init; }
    public string SafeWay { get; init; } = "";
    public string Honeypot { get; init; } = "";

    public static TipForm Read(IFormCollection form, IReadOnlyCollection<string> jurisdictions, IReadOnlyCollection<string> safeTimes)
    {
        string Text(string field) => ((string?)form[field] ?? "").Replace("\r\n", "\n").Trim();
        string? OneOf(string field, IReadOnlyCollection<string> allowed) =>
            form[field] is { Count: 1 } v && allowed.Contains(v.ToString()) ? v.ToString() : null;
        var child = Text(ChildField);
        return new TipForm
        {
            What = Text(WhatField), Jurisdiction = OneOf(JurisdictionField, jurisdictions), Place = Text(PlaceField),
            When = Text(WhenField), Who = Text(WhoField),
            Child = child is PublicTextKeys.Yes or PublicTextKeys.No or PublicTextKeys.NotSure ? child : "",
            Signs = [.. TipSigns.Keys.Where(k => form[SignsField].Contains(k))],
            Phone = Text(PhoneField), SafeTime = OneOf(SafeTimeField, safeTimes), SafeWay = Text(SafeWayField),
            Honeypot = Text(HoneypotField),
        };
    }

    /// <summary>Problems by field, as text keys with their values (the page words them in the visitor's language).</summary>
    public IReadOnlyList<TipProblem> Problems()
    {
        var problems = new List<TipProblem>();
        if (What.Length == 0) problems.Add(new(WhatField, PublicTextKeys.ErrorWhatRequired));
        TooLong(problems, WhatField, What, WhatMax);
        TooLong(problems, PlaceField, Place, PlaceMax);
        TooLong(problems, WhenField, When, WhenMax);
        TooLong(problems, WhoField, Who, WhoMax);
        TooLong(problems, SafeWayField, SafeWay, SafeWayMax);
        if (Phone.Length > 0 && (Phone.Length > PhoneMax || CallerNumber.Usable(Phone) is null))
            problems.Add(new(PhoneField, PublicTextKeys.ErrorPhone));
        return problems;
    }

    private static void TooLong(List<TipProblem> problems, string field, string value, int max)
    {
        if (value.Length > max) problems.Add(new(field, PublicTextKeys.ErrorTooLong, max));
    }

    public bool IsChecked(string sign) => Signs.Contains(sign, StringComparer.Ordinal);

    /// <summary>The child question as the case keeps it: "not sure" and unanswered stay unknown (null), never a no.</summary>
    public bool? ChildInvolved => IsChecked(TipSigns.MinorInCommercialSex) || Child == PublicTextKeys.Yes ? true
        : Child == PublicTextKeys.No ? false : null;
}

/// <summary>One problem with a field: a text key and, for "too long", the limit.</summary>
public sealed record TipProblem(string Field, string TextKey, int? Max = null);
