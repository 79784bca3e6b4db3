namespace Hotline.Web.Operators;

/// <summary>The safe-contact form's fields for <see cref="FormMerge"/>, and the snapshot of what a page loaded.</summary>
public static class SafeContactMerge
{
    private static readonly MergeField<SafeContactForm>[] Fields =
    [
        new("May we call back", f => Say(f.CallbackAllowed), (from, to) => to.CallbackAllowed = from.CallbackAllowed),
        new("Safe window", f => FormMerge.Text(f.CallbackWindow), (from, to) => to.CallbackWindow = from.CallbackWindow),
        new("Voicemail", f => Say(f.VoicemailAllowed), (from, to) => to.VoicemailAllowed = from.VoicemailAllowed),
        new("Safe-contact instructions", f => FormMerge.Text(f.Instructions), (from, to) => to.Instructions = from.Instructions),
    ];

    public static FormMergeResult<SafeContactForm> Merge(SafeContactForm loaded, SafeContactForm current, SafeContactForm submitted) =>
        FormMerge.Merge(Fields, loaded, current, submitted, Copy);

    public static string Snapshot(SafeContactForm form) => FormMerge.Snapshot(form, Copy);

    public static SafeContactForm? FromSnapshot(string? json) => FormMerge.FromSnapshot<SafeContactForm>(json, Copy);

    private static SafeContactForm Copy(SafeContactForm f) => new()
    {
        CallbackAllowed = f.CallbackAllowed, CallbackWindow = f.CallbackWindow, VoicemailAllowed = f.VoicemailAllowed,
        Instructions = f.Instructions,
    };

    private static string Say(bool? answer) => answer switch { true => "yes", false => "no", null => "not asked" };
}
