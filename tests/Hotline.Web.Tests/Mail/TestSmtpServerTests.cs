using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Hotline.Web.Tests.Mail;

/// <summary>The fixture itself: a MailKit client reaches it over STARTTLS only when it pins the test certificate.</summary>
public sealed class TestSmtpServerTests
{
    [Fact]
    public async Task StartTls_PinnedCertificate_MessageArrivesOverTls()
    {
        await using var server = await TestSmtpServer.StartAsync(new TestSmtpServerOptions
        {
            StartTls = true, RequireTls = true, UserName = "hotline", Password = "secret",
        });
        using var client = new SmtpClient();
        client.ServerCertificateValidationCallback = (_, certificate, _, _) =>
            certificate?.GetCertHashString() == server.Certificate!.GetCertHashString();
        await client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync("hotline", "secret");
        await client.SendAsync(Message("agency@example.org"));
        await client.DisconnectAsync(true);

        var mail = await server.WaitForMessageAsync();
        Assert.True(mail.OverTls);
        Assert.Equal("hotline", mail.UserName);
        Assert.Equal(["agency@example.org"], mail.EnvelopeTo);
        Assert.Equal("Fixture check", mail.Message.Subject);
    }

    [Fact]
    public async Task StartTls_UnpinnedSelfSignedCertificate_ClientRefusesTheServer()
    {
        await using var server = await TestSmtpServer.StartAsync(new TestSmtpServerOptions { StartTls = true });
        using var client = new SmtpClient();
        await Assert.ThrowsAsync<SslHandshakeException>(() => client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.StartTls));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Plain_RefusedRecipient_ClientSeesTheRefusal()
    {
        await using var server = await TestSmtpServer.StartAsync(
            new TestSmtpServerOptions { AcceptRecipient = to => to != "gone@example.org" });
        using var client = new SmtpClient();
        await client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.None);
        await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Message("gone@example.org")));
        Assert.Empty(server.Messages);
    }

    private static MimeMessage Message(string to)
    {
        var message = new MimeMessage { Subject = "Fixture check", Body = new TextPart("plain") { Text = "Hello" } };
        message.From.Add(MailboxAddress.Parse("hotline@example.org"));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
