namespace Hotline.Web.Data;

public class CaseNote
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    /// <summary>Encrypted at rest.</summary>
    public string Body { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
