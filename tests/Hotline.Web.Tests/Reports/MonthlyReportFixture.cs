using System.Globalization;
using Hotline.Web.Tests.Infrastructure;
using Hotline.Web.Tests.Mail;

namespace Hotline.Web.Tests.Reports;

/// <summary>The seeded indicators, two monthly recipients, and a real SMTP server (plain, on loopback) that refuses "refused@".</summary>
public sealed class MonthlyReportFixture : AppFixture, IAsyncLifetime
{
    public const string First = "first@funder.test";
    public const string Second = "second@funder.test";
    public const string Refused = "refused@funder.test";

    public MonthlyReportFixture() =>
        Smtp = TestSmtpServer.StartAsync(new TestSmtpServerOptions { AcceptRecipient = AcceptRecipient }).GetAwaiter().GetResult();

    private static bool AcceptRecipient(string address) => !address.StartsWith("refused@", StringComparison.Ordinal);

    public TestSmtpServer Smtp { get; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = Smtp.Host,
        ["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:From"] = "reports@hotline.test",
        ["Smtp:UseTls"] = "false",
        ["Reports:Monthly:Recipients:0"] = First,
        ["Reports:Monthly:Recipients:1"] = Second,
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await IndicatorSeed.SeedAsync(App);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
