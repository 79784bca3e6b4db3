using System.Net;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.PublicPages;

public sealed class TipRateLimitFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PublicPostsPer10Minutes"] = "3",
    };
}

public class TipRateLimitTests(TipRateLimitFixture fixture) : IClassFixture<TipRateLimitFixture>
{
    [Fact]
    public async Task TipPosts_OverThePerAddressLimit_Answer429WithAReadablePageInTheVisitorsLanguage()
    {
        var visitor = new TipClient(fixture.App);
        for (var i = 0; i < 3; i++)
        {
            var allowed = await visitor.PostAsync([new("lang", "es"), new("what", "")]);
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/tip?lang=es") { Content = new FormUrlEncodedContent([new("what", "x")]) };
        var refused = await visitor.Http.SendAsync(request);
        var page = await TipClient.TextOf(refused);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"es\">", page);
        Assert.Contains("Se enviaron demasiados reportes desde esta conexión.", page);
        Assert.Contains("Salir de esta página ya", page);
        Assert.Contains("default-src 'none'", string.Join(";", refused.Headers.GetValues("Content-Security-Policy")));
        // Reading the form is not limited: a visitor can still see it.
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync("/tip")).StatusCode);
    }
}
