using Hotline.Web.Conversations;

namespace Hotline.Web.Tests.Conversations;

/// <summary>The media proxy's cap when Twilio sends no length up front: enforced while streaming.</summary>
public class CappedStreamTests
{
    [Fact]
    public async Task ReadingPastTheCap_Fails_AndReadingUpToItDoesNot()
    {
        await using var exact = new CappedStream(new MemoryStream(new byte[100]), cap: 100);
        await exact.CopyToAsync(Stream.Null); // exactly the cap is allowed

        await using var over = new CappedStream(new MemoryStream(new byte[101]), cap: 100);
        await Assert.ThrowsAsync<IOException>(() => over.CopyToAsync(Stream.Null));
    }
}
