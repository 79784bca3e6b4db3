namespace Hotline.Core.Reports;

/// <summary>
/// Keeps a spreadsheet from running a cell as a formula (CSV/formula injection): text starting with = + - @, a tab or
/// a carriage return gets a leading apostrophe, which spreadsheets show as text.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;
}
