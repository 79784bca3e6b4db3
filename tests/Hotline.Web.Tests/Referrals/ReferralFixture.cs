using System.Net;
using System.Security.Cryptography;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Hotline.Web.Tests.Referrals;

/// <summary>
/// The app with the sample directory seeded, plus a WireMock server standing in for agencies' webhook
/// receivers: every seeded webhook channel is pointed at /agency/{agencyId} on it.
/// </summary>
public class ReferralFixture : AppFixture, IAsyncLifetime
{
    public static readonly Guid FederalPolice = Guid.Parse("7b7f6a1e-0c1f-4c51-9c1a-2f6d0b0a0001");
    public static readonly Guid TexasPolice = Guid.Parse("7b7f6a1e-0c1f-4c51-9c1a-2f6d0b0a0002");
    public static readonly Guid TexasChildProtection = Guid.Parse("7b7f6a1e-0c1f-4c51-9c1a-2f6d0b0a0004");
    public static readonly Guid NationalChildProtection = Guid.Parse("7b7f6a1e-0c1f-4c51-9c1a-2f6d0b0a0005");
    public const string CallerNumber = "+15125559876";
    public const string CallerName = "Maria Lopez";

    public WireMockServer Agencies { get; } = WireMockServer.Start();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Agencies.Given(Request.Create().UsingPost()).AtPriority(100).RespondWith(Response.Create().WithStatusCode(200));
        await App.WithDbAsync(async db =>
        {
            foreach (var channel in await db.AgencyChannels.Where(c => c.Channel == NotificationChannel.Webhook).ToListAsync())
                channel.Address = $"{Agencies.Url}/agency/{channel.AgencyId}";
            await db.SaveChangesAsync();
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Agencies.Stop();
        await DisposeAsync();
    }

    public async Task<Case> NewCaseAsync(Action<Case> shape)
    {
        var now = App.Clock.GetUtcNow();
        var @case = new Case
        {
            Id = Guid.NewGuid(),
            Reference = "HL-26-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)), // 3 bytes could clash in a run
            FirstChannel = Channel.Voice, FlowId = "national", Status = CaseStatus.AwaitingTriage,
            CallerNumber = CallerNumber, Narrative = $"{CallerName} is kept at the back of the restaurant on Elm Street",
            SafeContactInstructions = "Text only after 9pm", Jurisdiction = "TX", Language = "en",
            CreatedAt = now, UpdatedAt = now,
        };
        shape(@case);
        await App.WithDbAsync(async db => { db.Cases.Add(@case); await db.SaveChangesAsync(); });
        return @case;
    }

    public Task RunAsync<T>(Func<T, Task> work) where T : notnull => App.RunAsync(work);

    public Task<Referral> ReferralAsync(Guid id) => App.WithDbAsync(db => db.Referrals.SingleAsync(r => r.Id == id));

    public Task<List<Referral>> ReferralsAsync(Guid caseId) =>
        App.WithDbAsync(db => db.Referrals.Include(r => r.Agency).Where(r => r.CaseId == caseId).OrderBy(r => r.CreatedAt).ToListAsync());

    public string TokenFor(Guid referralId) => App.Services.GetRequiredService<AgencyLinks>().CreateToken(referralId);

    /// <summary>A webhook agency of its own (jurisdiction ZZ, so no other test's matching sees it).</summary>
    public async Task<Agency> NewWebhookAgencyAsync(string path)
    {
        var id = Guid.NewGuid();
        var agency = new Agency
        {
            Id = id, Name = "Test Shelter " + path, Type = AgencyType.Shelter, Jurisdictions = ["ZZ"], Languages = ["en"],
            TimeZone = "UTC", PathwayOrder = 99,
            Channels = [
                new AgencyChannel
                { Id = Guid.NewGuid(), AgencyId = id, Channel = NotificationChannel.Webhook, Address = Agencies.Url + path }],
        };
        await App.WithDbAsync(async db => { db.Agencies.Add(agency); await db.SaveChangesAsync(); });
        return agency;
    }

    public IReadOnlyList<WireMock.Logging.ILogEntry> Received(string path) =>
        Agencies.LogEntries.Where(e => e.RequestMessage!.Path == path).ToList();

    /// <summary>SMS bodies sent to one number, decoded.</summary>
    public IReadOnlyList<string> SmsTo(string number) =>
        Twilio.SentMessages()
            .Select(
                body => body.Split('&').Select(p => p.Split('=', 2))
                .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : "")))
            .Where(form => form.GetValueOrDefault("To") == number)
            .Select(form => form.GetValueOrDefault("Body") ?? "")
            .ToList();
}
