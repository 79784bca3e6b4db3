using System.Globalization;
using Hotline.Core.Cases;

namespace Hotline.Web.Conversations;

/// <summary>What is known about a conversation when deciding what may be sent into it (read by the sender).</summary>
public sealed record ReplySituation(
    Channel Channel, bool OptedOut, bool HasNumber, DateTimeOffset? LastInboundAt, DateTimeOffset Now, TimeZoneInfo HotlineZone);

/// <summary>
/// The rules of replying, decided without I/O: STOP holds, a withheld number has nowhere to go, and WhatsApp allows
/// free text only within 24 hours of the person's last message (then only an approved template).
/// </summary>
public static class ReplyRuleBook
{
    /// <summary>Twilio's own limit for one message (longer texts are refused by its API).</summary>
    public const int MaxBodyLength = 1600;
    public static readonly TimeSpan WhatsAppWindow = TimeSpan.FromHours(24);

    public const string TextedStop = "They texted STOP: nothing can be sent until they text START";
    public const string NoNumber = "Their number is withheld: there is no number to text back";
    public const string NotText = "This is not an SMS or WhatsApp conversation: replies by text cannot be sent to it";
    public const string WindowClosed = "More than 24 hours since their last message: WhatsApp allows only the approved template";
    public const string TakeFirst = "Take the conversation first";

    public static ReplyRules Decide(ReplySituation s)
    {
        if (s.Channel is not (Channel.Sms or Channel.WhatsApp)) return new ReplyRules(ReplyKind.NotAllowed, NotText, null);
        if (s.OptedOut) return new ReplyRules(ReplyKind.NotAllowed, TextedStop, null);
        if (!s.HasNumber) return new ReplyRules(ReplyKind.NotAllowed, NoNumber, null);
        if (s.Channel == Channel.Sms) return new ReplyRules(ReplyKind.FreeText, "SMS: free text", null);

        // WhatsApp counts from the person's last message; with none on record the window is closed, not open.
        var until = s.LastInboundAt + WhatsAppWindow;
        if (until is { } u && u > s.Now)
        {
            var local = TimeZoneInfo.ConvertTime(u, s.HotlineZone);
            var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
            var day = local.Date == TimeZoneInfo.ConvertTime(s.Now, s.HotlineZone).Date ? "" : "tomorrow ";
            return new ReplyRules(ReplyKind.FreeText,
                $"WhatsApp: free text until {day}{time} (24 hours after their last message)",
                u);
        }
        return new ReplyRules(ReplyKind.TemplateOnly, WindowClosed, null);
    }

    /// <summary>Why this text cannot be sent as it is, or null.</summary>
    public static string? BodyProblem(string? body) =>
        string.IsNullOrWhiteSpace(body) ? "Write a message first"
        : body.Length > MaxBodyLength ? $"Too long: at most {MaxBodyLength} characters (this one has {body.Length})"
        : null;

    /// <summary>An advocate may reply only in a conversation they took, so two never answer at once.</summary>
    public static string? TakeProblem(string? answeredBy, string advocateId) => answeredBy == advocateId ? null : TakeFirst;

    /// <summary>A Twilio address on the conversation's channel: WhatsApp numbers carry the <c>whatsapp:</c> prefix.</summary>
    public static string Address(Channel channel, string number)
    {
        var bare = number.StartsWith(InboundText.WhatsAppPrefix, StringComparison.OrdinalIgnoreCase)
            ? number[InboundText.WhatsAppPrefix.Length..] : number;
        return channel == Channel.WhatsApp ? InboundText.WhatsAppPrefix + bare : bare;
    }
}
