using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Conversations;

/// <summary>The national flow with <c>sms.tell_on_expiry: true</c>: a copy of the shipped file with that one line turned on.</summary>
public sealed class TellOnExpiryFixture : AppFixture
{
    private static readonly string FlowCopy = WriteFlowCopy();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Hotline:FlowFile"] = FlowCopy };

    private static string WriteFlowCopy()
    {
        var shipped = File.ReadAllText(ShippedFlow());
        Assert.Contains("tell_on_expiry: false", shipped);
        var path = Path.Combine(Path.GetTempPath(), $"national-tell-on-expiry-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, shipped.Replace("tell_on_expiry: false", "tell_on_expiry: true"));
        return path;
    }

    /// <summary>flows/national.yaml, found upwards from the test's folder as the service finds its data files.</summary>
    private static string ShippedFlow()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "flows", "national.yaml");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("flows/national.yaml not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// A texter who went quiet during the questions is told the conversation ended only where the flow asks for it, and
/// only if they said it was safe to talk: a message arriving later on a watched phone can harm.
/// </summary>
public class ExpiryMessageTests(TellOnExpiryFixture fixture) : IClassFixture<TellOnExpiryFixture>
{
    private readonly TwilioWebhooks _twilio = new(fixture.App.CreateClient());

    [Fact]
    public async Task QuietTexter_WhoSaidSafe_IsToldOnce_WhoSaidNotSafe_IsToldNothing()
    {
        const string safe = "+15550409001", unsafeTexter = "+15550409002";
        var safeSid = TwilioWebhooks.NewMessageSid();
        var unsafeSid = TwilioWebhooks.NewMessageSid();
        await _twilio.SmsAsync("hi", safe, safeSid);
        foreach (var text in new[] { "1", "1" }) await _twilio.SmsAsync(text, safe); // English; safe to talk: yes
        await _twilio.SmsAsync("hi", unsafeTexter, unsafeSid);
        foreach (var text in new[] { "1", "2" }) await _twilio.SmsAsync(text, unsafeTexter); // not safe; then quiet at "may we call?"
        var sentBefore = fixture.Twilio.SentMessageForms().Count;

        fixture.App.Clock.Advance(TimeSpan.FromHours(1));
        try
        {
            await fixture.App.RunAsync<SmsExpiryJob>(j => j.RunAsync());
            await fixture.App.RunAsync<SmsExpiryJob>(j => j.RunAsync()); // a second run tells nobody again
        }
        finally
        {
            fixture.App.Clock.Set(TestClock.WednesdayAfternoon);
        }

        var sent = fixture.Twilio.SentMessageForms().Skip(sentBefore).ToList();
        var told = Assert.Single(sent);
        Assert.Equal(safe, told["To"]);
        Assert.Contains("conversation ended", told["Body"]);
        var safeCase = await Transcripts.CaseOfAsync(fixture.App, safeSid);
        var last = (await Transcripts.OfCaseAsync(fixture.App, safeCase)).Last();
        Assert.Equal((MessageAuthor.Automatic, MessageDirection.Outbound), (last.Author, last.Direction));
        Assert.Equal(ContactState.Expired, await fixture.App.WithDbAsync(
            db => db.Contacts.Where(c => c.ExternalId == unsafeSid).Select(c => c.State).SingleAsync()));
        Assert.Equal(Channel.Sms, last.Channel);
    }
}
