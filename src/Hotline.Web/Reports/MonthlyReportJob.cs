using Hangfire;
using Hangfire.Server;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Operators;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Hotline.Web.Reports;

/// <summary>
/// E-mails last month's anonymous indicators (the shared XLSX) to Reports:Monthly:Recipients. Each sending is audited,
/// and a retry skips the recipients already served. A failure lets Hangfire retry; when the last retry fails too, the
/// supervisor is alerted (once per month).
/// </summary>
public sealed partial class MonthlyReportJob(
    IndicatorQueries queries, SmtpMailer mailer, ReportSettings settings, HotlineDbContext db, Audit audit, SupervisorAlerts alerts,
    ConsoleClock clock, ILogger<MonthlyReportJob> log)
{
    public const string Id = "monthly-indicators";
    public const string SentAction = "report.monthly.sent";
    public const string FailedAction = "report.monthly.failed";
    /// <summary>Hangfire's retries after the first run; the supervisor hears of it when the last one fails.</summary>
    public const int Retries = 3;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [300, 1800, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunAsync(PerformContext? context) =>
        SendAsync(LastMonth(), context?.GetJobParameter<int>("RetryCount") ?? 0, CancellationToken.None);

    /// <summary>The calendar month before today's, in the hotline's time zone.</summary>
    public DateOnly LastMonth()
    {
        var today = DateOnly.FromDateTime(clock.Local(clock.Now).DateTime);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    /// <param name="month">Any day of the month to report; the whole month is sent.</param>
    /// <param name="retry">0 on the first run, n on Hangfire's n-th retry.</param>
    public async Task SendAsync(DateOnly month, int retry, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var period = new DashboardPeriod { From = first, To = first.AddMonths(1).AddDays(-1) };
        var report = await queries.ReportAsync(period, settings.MonthlyJurisdiction, ct);
        var file = IndicatorExports.Xlsx(report);
        var name = IndicatorExports.FileName(report, "xlsx");
        var failures = new List<string>();
        foreach (var recipient in settings.MonthlyRecipients)
        {
            var detail = $"{first:yyyy-MM} to {recipient}";
            if (await db.AuditEntries.AnyAsync(a => a.Action == SentAction && a.Detail == detail, ct)) continue;
            var error = await SendOneAsync(recipient, first, name, file, ct);
            audit.Record(error is null ? SentAction : FailedAction, detail: error is null ? detail : $"{detail}: {error}");
            await db.SaveChangesAsync(ct);
            if (error is not null) failures.Add(error);
        }
        if (failures.Count == 0)
        {
            LogSent(log, first, settings.MonthlyRecipients.Count);
            return;
        }
        LogFailed(log, first, failures.Count, retry);
        if (retry >= Retries)
        {
            await alerts.SendOnceAsync($"report:monthly:{first:yyyy-MM}:failed",
                $"Hotline: the monthly indicators report for {first:yyyy-MM} could not be e-mailed to {failures.Count} recipient(s) " +
                $"after {Retries} retries. See the audit log.", null, null, ct);
        }
        throw new InvalidOperationException($"Monthly report {first:yyyy-MM} not sent to {failures.Count} recipient(s): {failures[0]}");
    }

    /// <returns>Null when sent, else why not.</returns>
    private async Task<string?> SendOneAsync(string recipient, DateOnly month, string fileName, byte[] file, CancellationToken ct)
    {
        if (!mailer.Configured) return "E-mail is not configured (Smtp:Host is empty)";
        var message = new MimeMessage();
        message.From.Add(mailer.Sender);
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = $"Hotline indicators {month:yyyy-MM}";
        // The same id on every retry, so a mail system can drop a repeat.
        message.MessageId = $"indicators-{month:yyyy-MM}-{Convert.ToHexString(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(recipient.ToUpperInvariant())))[..16]}@" +
            (message.From.Mailboxes.First().Domain is { Length: > 0 } d ? d : "hotline.invalid");
        var body = new BodyBuilder
        {
            TextBody = $"The hotline's outcome indicators for {month:MMMM yyyy}, attached as a spreadsheet (one sheet per table and a " +
                "sheet of definitions). The figures are anonymous: counts from 1 to 4 show as <5 and further cells are hidden so " +
                "totals do not give them away.",
        };
        body.Attachments.Add(fileName, file, ContentType.Parse(IndicatorExports.XlsxType));
        message.Body = body.ToMessageBody();
        try
        {
            await mailer.SendAsync(message, ct);
            return null;
        }
        catch (Exception e) when (SmtpMailer.IsDeliveryFailure(e))
        {
            return $"The SMTP server refused or could not be reached: {e.Message}";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monthly indicators for {Month} e-mailed to {Count} recipient(s)")]
    private static partial void LogSent(ILogger logger, DateOnly month, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Monthly indicators for {Month}: {Count} sending(s) failed (retry {Retry})")]
    private static partial void LogFailed(ILogger logger, DateOnly month, int count, int retry);
}
