using Hotline.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Hotline.Web.Tests.Foundation;

public class ConfigurationTests
{
    [Fact]
    public void From_MissingAuthToken_FailsNamingTheKey()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hotline"] = "Host=x",
            ["Twilio:AccountSid"] = "AC1",
            ["Twilio:PhoneNumber"] = "+1555",
        }).Build();
        var e = Assert.Throws<ConfigurationException>(() => HotlineSettings.From(config, AppContext.BaseDirectory));
        Assert.Contains("Twilio:AuthToken is missing", e.Message);
        Assert.Contains("Twilio__AuthToken", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void From_ShortSecret_FailsWithHowToMakeOne()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:CallerHashKey"] = Convert.ToBase64String(new byte[8]),
        }).Build();
        var e = Assert.Throws<ConfigurationException>(() => HotlineSettings.From(config, AppContext.BaseDirectory));
        Assert.Contains("Hotline:CallerHashKey must be at least 32 random bytes", e.Message);
    }
}
