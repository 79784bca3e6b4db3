namespace Hotline.Core.Reports;

/// <summary>A table as a shared export writes it: text cells, small cells already hidden. Rows start with their label.</summary>
public sealed record SharedTable(string Id, string Title, string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<SharedRow> Rows);

/// <summary>A row of a shared table; <see cref="Cells"/> hold a number (invariant culture), "&lt;5", or "—" for none.</summary>
public sealed record SharedRow(string Label, IReadOnlyList<string> Cells, IReadOnlyList<string> IndicatorIds);
