using System.Net;
using ClosedXML.Excel;
using CsvHelper;
using Hotline.Core.Reports;
using Hotline.Web.Data;
using Hotline.Web.Reports;
using Hotline.Web.Tests.Console;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Reports;

/// <summary>The indicators page and its downloads over seeded data, read back with CsvHelper and ClosedXML.</summary>
public sealed class IndicatorExportTests(ReportsFixture fixture) : IClassFixture<ReportsFixture>
{
    private Task<HttpClient> SupervisorAsync() => SignedInAsync(Roles.Supervisor);

    private async Task<HttpClient> SignedInAsync(string role) =>
        await ConsoleClient.SignedInAsync(fixture.App, await ConsoleSeed.UserAsync(fixture.App, role), ConsoleSeed.OperatorPassword);

    [Fact]
    public async Task Page_SupervisorPicksTx_ShowsSevenOfferedFiveAnswered71Percent()
    {
        var client = await SupervisorAsync();

        var page = await client.GetStringAsync($"/reports?{IndicatorSeed.Period}&jurisdiction=tx");

        Assert.Contains($"data-indicator=\"{IndicatorCatalogue.CallsOffered}\">7<", page);
        Assert.Contains($"data-indicator=\"{IndicatorCatalogue.CallsAnswered}\">5<", page);
        Assert.Contains($"data-indicator=\"{IndicatorCatalogue.AnswerRate}\">71<", page);
        Assert.Contains($"data-indicator=\"{IndicatorCatalogue.CasesWithMinor}\">2<", page);
        Assert.Contains("href=\"/reports\" aria-current=\"page\"", page);
    }

    [Fact]
    public async Task Page_AllJurisdictions_CountsTheCaCallToo()
    {
        var client = await SupervisorAsync();

        var page = await client.GetStringAsync($"/reports?{IndicatorSeed.Period}");

        Assert.Contains($"data-indicator=\"{IndicatorCatalogue.CallsOffered}\">8<", page);
    }

    [Fact]
    public async Task Page_UnknownJurisdiction_400WithAMessage()
    {
        var client = await SupervisorAsync();

        var response = await client.GetAsync($"/reports?{IndicatorSeed.Period}&jurisdiction=%3Cscript%3E");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown jurisdiction", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/reports/indicators.csv?jurisdiction=XX")).StatusCode);
    }

    [Fact]
    public async Task Csv_ReadBack_SmallCellsSuppressedFormulasNeutralisedNoPersonalData()
    {
        var client = await SupervisorAsync();

        var response = await client.GetAsync($"/reports/indicators.csv?{IndicatorSeed.Period}&jurisdiction=TX");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = new List<Dictionary<string, string>>();
        using (var csv = CsvReader.FromText(text, null))
        {
            string[] names = ["From", "To", "Jurisdiction", "Table", "Row", "Column", "Indicator", "Value"];
            while (csv.Read()) rows.Add(names.ToDictionary(n => n, n => csv.GetString(n)));
        }
        string Value(string table, string row) => rows.Single(r => r["Table"] == table && r["Row"] == row)["Value"];
        Assert.All(rows, r => Assert.Equal(("2026-11-01", "2026-11-30", "TX"), (r["From"], r["To"], r["Jurisdiction"])));
        Assert.Equal("7", Value("calls", "Offered"));
        Assert.Equal("5", Value("calls", "Answered"));
        Assert.Equal(SharedReport.Hidden, Value("calls", "Abandoned"));
        Assert.Equal(SharedReport.Hidden, Value("calls", "Ended otherwise"));
        Assert.Equal(SharedReport.Hidden, Value("cases-minors", "Involving a minor"));
        // Five cases share the typed venue, so it is named, but as text a spreadsheet will not run.
        var venue = rows.Single(r => r["Table"] == "cases-by-venue" && r["Row"].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("'" + IndicatorSeed.FormulaVenue, venue["Row"]);
        // 5 with the venue, 2 without (small), 7 in all: the 5 is hidden too, or 7 - 5 would give the 2 away.
        Assert.Equal(SharedReport.Hidden, venue["Value"]);
        Assert.Equal(SharedReport.Hidden, Value("cases-by-venue", "Not recorded"));
        Assert.Equal("7", Value("cases-by-venue", "Total"));
        Assert.DoesNotContain(IndicatorSeed.CallerNumber, text);
        Assert.DoesNotContain("HL-26-RPT", text);
        Assert.DoesNotContain("Narrative", text);
    }

    [Fact]
    public async Task Xlsx_ReadBack_OneSheetPerTablePlusDefinitions()
    {
        var client = await SupervisorAsync();

        var bytes = await client.GetByteArrayAsync($"/reports/indicators.xlsx?{IndicatorSeed.Period}&jurisdiction=TX");

        using var book = new XLWorkbook(new MemoryStream(bytes));
        var tables = IndicatorCalculator.Compute(new IndicatorFacts(default, default, null, default, [], [], [], [], [])).Tables;
        Assert.Equal(tables.Select(t => t.Id).Append(IndicatorExports.DefinitionsSheet), book.Worksheets.Select(w => w.Name));
        var calls = book.Worksheet("calls");
        var header = IndicatorExports.FirstRow;
        Assert.Equal("Calls", calls.Cell(header, 2).GetString());
        Assert.Equal(("Answered", 5.0), (calls.Cell(header + 1, 1).GetString(), calls.Cell(header + 1, 2).GetDouble()));
        Assert.Equal(("Abandoned", SharedReport.Hidden), (calls.Cell(header + 2, 1).GetString(), calls.Cell(header + 2, 2).GetString()));
        Assert.Equal(("Offered", 7.0), (calls.Cell(header + 4, 1).GetString(), calls.Cell(header + 4, 2).GetDouble()));
        var venues = book.Worksheet("cases-by-venue");
        var venue = venues.Column(1).CellsUsed().Single(c => c.GetString().Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("'" + IndicatorSeed.FormulaVenue, venue.GetString());
        Assert.False(venue.HasFormula);
        Assert.DoesNotContain(book.Worksheets.SelectMany(w => w.CellsUsed()), c => c.HasFormula);
        var definitions = book.Worksheet(IndicatorExports.DefinitionsSheet);
        Assert.Equal(IndicatorCatalogue.All.Select(d => d.Id),
            definitions.Column(1).CellsUsed().Skip(1).Select(c => c.GetString()));
        Assert.Equal(IndicatorCatalogue.ById(IndicatorCatalogue.AnswerRate).Definition, definitions.Cell(6, 4).GetString());
    }

    [Fact]
    public async Task ResearchExport_Admin_CaseLinesWithoutPersonalDataAndAudited()
    {
        var client = await SignedInAsync(Roles.Admin);

        var text = await client.GetStringAsync($"/reports/research.csv?{IndicatorSeed.Period}");

        var lines = new List<string[]>();
        using (var csv = CsvReader.FromText(text, null))
        {
            while (csv.Read()) lines.Add(Enumerable.Range(0, ResearchExport.Columns.Length).Select(csv.GetString).ToArray());
        }
        Assert.Equal(8, lines.Count);
        Assert.All(lines, l => Assert.Equal("2026-11-10", l[1]));
        Assert.Equal(2, lines.Count(l => l[7] == "yes"));
        Assert.DoesNotContain(IndicatorSeed.CallerNumber, text);
        Assert.DoesNotContain("HL-26-RPT", text);
        Assert.DoesNotContain("HYPERLINK", text);
        Assert.DoesNotContain("Narrative", text);
        var audited = await fixture.App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == ResearchExport.Action).ToListAsync());
        Assert.Contains(audited, a => a.Detail!.Contains("8 cases", StringComparison.Ordinal) && a.Actor != "system");
    }

    [Fact]
    public async Task ResearchExport_Supervisor_Denied()
    {
        var client = await SupervisorAsync();

        var response = await client.GetAsync($"/reports/research.csv?{IndicatorSeed.Period}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString());
        Assert.Empty(await fixture.App.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == ResearchExport.Action && a.ActorName.StartsWith("supervisor.")).ToListAsync()));
    }
}
