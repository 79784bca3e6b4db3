using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using Hotline.Core.Reports;

namespace Hotline.Web.Reports;

/// <summary>
/// The shared (anonymous) exports of an indicators report: CSV in long form (one figure a line) and XLSX with one sheet
/// per table plus the definitions. Only <see cref="SharedReport"/> tables are written, and every text cell is neutralised.
/// </summary>
public static class IndicatorExports
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DefinitionsSheet = "definitions";
    private const int HeaderRow = 4;

    public static string FileName(IndicatorReport report, string extension) =>
        $"indicators-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}-{Scope(report).ToLowerInvariant()}.{extension}";

    public static string Scope(IndicatorReport report) => report.Jurisdiction ?? "all";

    public static byte[] Csv(IndicatorReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteRecord(["From", "To", "Jurisdiction", "Table", "Row", "Column", "Indicator", "Value"]);
            foreach (var table in SharedReport.From(report))
            {
                foreach (var row in table.Rows)
                {
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        string[] fields =
                        [
                            Day(report.From), Day(report.To), Scope(report), table.Id, row.Label, table.Columns[c], row.IndicatorIds[c],
                            row.Cells[c],
                        ];
                        csv.WriteRecord(fields.Select(SpreadsheetText.Neutralise).ToArray());
                    }
                }
            }
        }
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Xlsx(IndicatorReport report)
    {
        using var book = new XLWorkbook();
        foreach (var table in SharedReport.From(report))
        {
            var sheet = book.Worksheets.Add(table.Id);
            Text(sheet.Cell(1, 1), table.Title);
            Text(sheet.Cell(2, 1), $"{Day(report.From)} to {Day(report.To)}, jurisdiction: {Scope(report)}");
            Text(sheet.Cell(HeaderRow, 1), table.RowHeader);
            for (var c = 0; c < table.Columns.Count; c++) Text(sheet.Cell(HeaderRow, c + 2), table.Columns[c]);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                Text(sheet.Cell(HeaderRow + 1 + r, 1), table.Rows[r].Label);
                for (var c = 0; c < table.Columns.Count; c++) Value(sheet.Cell(HeaderRow + 1 + r, c + 2), table.Rows[r].Cells[c]);
            }
        }
        var definitions = book.Worksheets.Add(DefinitionsSheet);
        string[] headers = ["Id", "Name", "Unit", "Definition"];
        for (var c = 0; c < headers.Length; c++) Text(definitions.Cell(1, c + 1), headers[c]);
        for (var i = 0; i < IndicatorCatalogue.All.Count; i++)
        {
            var d = IndicatorCatalogue.All[i];
            string[] cells = [d.Id, d.Name, d.UnitName, d.Definition];
            for (var c = 0; c < cells.Length; c++) Text(definitions.Cell(i + 2, c + 1), cells[c]);
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Where the sheet's figures start: the header row (row header and column names), data below it.</summary>
    public static int FirstRow => HeaderRow;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Always text, never a formula: ClosedXML of this version reads a leading "=" as one.</summary>
    private static void Text(IXLCell cell, string text)
    {
        cell.SetValue(SpreadsheetText.Neutralise(text));
        cell.DataType = XLDataType.Text;
    }

    private static void Value(IXLCell cell, string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) cell.SetValue(number);
        else Text(cell, text);
    }
}
