using ClosedXML.Excel;
using Hangfire;
using Hangfire.Storage;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Operators;
using Hotline.Web.Referrals;
using Hotline.Web.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Hotline.Web.Tests.Reports;

/// <summary>The monthly report job, run as Hangfire runs it (from a DI scope), through a real SMTP server started by the test.</summary>
public sealed class MonthlyReportTests(MonthlyReportFixture fixture) : IClassFixture<MonthlyReportFixture>
{
    private static readonly DateOnly November = new(2026, 11, 1);

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        fixture.App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Run_TwoRecipients_EachGetsTheXlsxOnceAndEachSendingIsAudited()
    {
        await fixture.App.RunAsync<MonthlyReportJob>(job => job.SendAsync(November, 0, default));

        foreach (var recipient in new[] { MonthlyReportFixture.First, MonthlyReportFixture.Second })
        {
            var mail = await fixture.Smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(recipient));
            Assert.Equal("Hotline indicators 2026-11", mail.Message.Subject);
            var attachment = Assert.Single(mail.Message.Attachments.OfType<MimePart>());
            Assert.Equal("indicators-2026-11-01-2026-11-30-all.xlsx", attachment.FileName);
            using var content = new MemoryStream();
            await attachment.Content!.DecodeToAsync(content);
            content.Position = 0;
            using var book = new XLWorkbook(content);
            var calls = book.Worksheet("calls");
            Assert.Equal(8.0, calls.Cell(IndicatorExports.FirstRow + 4, 2).GetDouble());
            Assert.True(book.TryGetWorksheet(IndicatorExports.DefinitionsSheet, out _));
        }
        var sent = await AuditAsync(MonthlyReportJob.SentAction);
        Assert.Contains(sent, a => a.Detail == $"2026-11 to {MonthlyReportFixture.First}");
        Assert.Contains(sent, a => a.Detail == $"2026-11 to {MonthlyReportFixture.Second}");

        // Hangfire runs jobs at least once: a second run sends nothing more.
        var before = fixture.Smtp.Messages.Count;
        await fixture.App.RunAsync<MonthlyReportJob>(job => job.SendAsync(November, 0, default));
        Assert.Equal(before, fixture.Smtp.Messages.Count);
        var sentNow = await AuditAsync(MonthlyReportJob.SentAction);
        Assert.Equal(2, sentNow.Count(a => a.Detail!.StartsWith("2026-11 ", StringComparison.Ordinal)));
        // Never by SMS.
        Assert.DoesNotContain(fixture.Twilio.SentMessageForms(), f => f["Body"].Contains("2026-11", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_RecipientRefused_FailsForHangfireToRetryThenAlertsTheSupervisorAfterTheLastRetry()
    {
        var october = new DateOnly(2026, 10, 1);
        Task RunAsync(int retry) => WithRefusedRecipientAsync(job => job.SendAsync(october, retry, default));

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(0));
        Assert.DoesNotContain(fixture.Twilio.SentMessageForms(), IsAlert);
        Assert.Contains(
            await AuditAsync(MonthlyReportJob.FailedAction), a => a.Detail!.StartsWith("2026-10 to refused@", StringComparison.Ordinal));

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(MonthlyReportJob.Retries));

        var alert = Assert.Single(fixture.Twilio.SentMessageForms(), IsAlert);
        Assert.Equal(fixture.App.Services.GetRequiredService<HotlineSettings>().SupervisorPhone, alert["To"]);
        Assert.DoesNotContain(fixture.Smtp.Messages, m => m.EnvelopeTo.Contains(MonthlyReportFixture.Refused));
    }

    private static bool IsAlert(IReadOnlyDictionary<string, string> sms) =>
        sms["Body"].Contains("monthly indicators", StringComparison.Ordinal);

    [Fact]
    public void Schedule_WithRecipients_RegistersTheRecurringJob()
    {
        using var connection = fixture.App.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == MonthlyReportJob.Id);
        Assert.Equal(ReportSettings.DefaultCron, job.Cron);
    }

    /// <summary>The real job and its real collaborators from a DI scope, with only the recipient list changed.</summary>
    private async Task WithRefusedRecipientAsync(Func<MonthlyReportJob, Task> work)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var job = new MonthlyReportJob(
            s.GetRequiredService<IndicatorQueries>(), s.GetRequiredService<SmtpMailer>(),
            new ReportSettings([MonthlyReportFixture.Refused], ReportSettings.DefaultCron, null), s.GetRequiredService<HotlineDbContext>(),
            s.GetRequiredService<Audit>(), s.GetRequiredService<SupervisorAlerts>(), s.GetRequiredService<ConsoleClock>(),
            s.GetRequiredService<ILogger<MonthlyReportJob>>());
        await work(job);
    }
}
