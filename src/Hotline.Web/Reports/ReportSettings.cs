using Hotline.Web.Infrastructure;
using MimeKit;

namespace Hotline.Web.Reports;

/// <summary>
/// Reports:Monthly:* — who gets the monthly indicators by e-mail (never SMS), when, and for which jurisdiction
/// (empty: all). No recipients: no monthly job.
/// </summary>
public sealed record ReportSettings(IReadOnlyList<string> MonthlyRecipients, string MonthlyCron, string? MonthlyJurisdiction)
{
    /// <summary>06:00 UTC on the 1st: last month is complete everywhere by then.</summary>
    public const string DefaultCron = "0 6 1 * *";

    public static ReportSettings From(IConfiguration config)
    {
        var section = config.GetSection("Reports:Monthly");
        var recipients = section.GetSection("Recipients").GetChildren().Select(c => c.Value?.Trim())
            .Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        var bad = recipients.Where(r => !MailboxAddress.TryParse(r, out var m) || !m.Address.Contains('@', StringComparison.Ordinal))
            .ToList();
        if (bad.Count > 0)
        {
            throw new ConfigurationException(
                $"Configuration error: Reports:Monthly:Recipients must be e-mail addresses; not one: {string.Join(", ", bad)}");
        }
        var cron = section["Cron"] is { Length: > 0 } c ? c.Trim() : DefaultCron;
        var jurisdiction = section["Jurisdiction"] is { Length: > 0 } j ? j.Trim().ToUpperInvariant() : null;
        return new ReportSettings(recipients, cron, jurisdiction);
    }
}
