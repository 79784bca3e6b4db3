namespace Hotline.Web.Operators;

/// <summary>Filters of /audit, bound from the query string.</summary>
public sealed class AuditSearch
{
    public string? User { get; set; }
    public string? Ref { get; set; }
    public string? Action { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record AuditRow(
    DateTimeOffset At, string Who, string Action, Guid? CaseId, string? CaseReference, string? Detail, string? From)
{
    /// <summary>The staff member's display name, when the actor is a user; <see cref="Who"/> is the name signed in with.</summary>
    public string? WhoName { get; init; }
}

public sealed record AuditPage(AuditSearch Search, IReadOnlyList<AuditRow> Rows, int Total, int PageSize, IReadOnlyList<string> Actions)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
