using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Telephony;

public class UkPathwayFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hotline:FlowFile"] = "flows/uk.yaml",
        ["Hotline:PathwayFile"] = "flows/pathway.uk.yaml",
    };
}

/// <summary>Flows are data: the same service, configured with another country's pathway.</summary>
public class SecondPathwayTests(UkPathwayFixture fixture) : IClassFixture<UkPathwayFixture>
{
    [Fact]
    public async Task Incoming_UkFlowConfigured_GivesUkEmergencyNumberAndLanguages()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        var twiml = await twilio.IncomingAsync(TwilioWebhooks.NewCallSid());
        Assert.Contains("999", twiml.Says[0]);
        Assert.DoesNotContain("911", twiml.AllText);
        Assert.Contains("Po polsku", twiml.AllText);
        Assert.Contains("Pentru română", twiml.AllText);
    }
}
