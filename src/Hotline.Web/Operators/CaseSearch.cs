using Hotline.Core.Cases;

namespace Hotline.Web.Operators;

/// <summary>The filters of /cases, bound from the query string.</summary>
public sealed class CaseSearch
{
    public string? Ref { get; set; }
    public CaseStatus? Status { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public ContactType? Type { get; set; }
    public string? Jurisdiction { get; set; }
    public string? Operator { get; set; }
    /// <summary>A board panel's list in full (<see cref="BoardLists"/>): "N more" on the board links here.</summary>
    public string? Board { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record CaseRow(Guid Id, string Reference, CaseStatus Status, Urgency Urgency, ContactType? ContactType,
    string? Jurisdiction, string? AssignedTo, DateTimeOffset CreatedAt);

public sealed record CaseSearchResult(CaseSearch Search, IReadOnlyList<CaseRow> Rows, int Total, int PageSize,
    IReadOnlyList<(string Id, string Name)> Operators)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
