using Hotline.Core.Public;

namespace Hotline.Web.Public;

/// <summary>The tip form as drawn: blank, or back with what the visitor typed and what to fix.</summary>
public sealed record TipPage(
    PublicChrome Chrome, TipForm Form, string Stamp, IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<(string Name, string Label)> SafeTimes) : IPublicPage
{
    public IReadOnlyList<TipProblem> Problems { get; init; } = [];
    /// <summary>A problem with the whole post (too fast, too large, not a form), as a text key.</summary>
    public string? FormProblem { get; init; }

    public string Title => Chrome.T(PublicTextKeys.TipTitle);

    public string T(string key) => Chrome.T(key);

    public string WhatHint => Chrome.T(PublicTextKeys.TipWhatHint, Max(TipForm.WhatMax));

    /// <summary>Every problem in the visitor's words, with the field it belongs to (for the summary's links).</summary>
    public IEnumerable<(string Field, string Text)> Messages =>
        Problems.Select(p => (p.Field, Chrome.T(p.TextKey, p.Max is { } max ? Max(max) : null)));

    public string? ErrorOf(string field) => Messages.Where(m => m.Field == field).Select(m => m.Text).FirstOrDefault();

    private static Dictionary<string, string> Max(int max) =>
        new() { ["max"] = max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>The neutral thank-you: no reference, nothing that would tell a watcher what was sent.</summary>
public sealed record TipThanksPage(PublicChrome Chrome) : IPublicPage
{
    public string Title => Chrome.T(PublicTextKeys.ThanksTitle);
}

/// <summary>One free-text field of the tip form, drawn by Views/Tip/_TipText.cshtml with its label and error.</summary>
public sealed record TipTextField(TipPage Page, string Field, string LabelKey, string Value, int Max, bool Multiline = false);
