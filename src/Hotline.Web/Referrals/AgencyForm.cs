using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Hotline.Core.Hours;
using Hotline.Core.Referrals;
using Hotline.Web.Data;

namespace Hotline.Web.Referrals;

/// <summary>The agency edit form: lists as comma-separated text, channels one per line ("sms +15125550100").</summary>
public sealed partial class AgencyForm
{
    [Required, StringLength(200)] public string Name { get; set; } = "";
    public AgencyType Type { get; set; }
    public string? Services { get; set; }
    [Required] public string Jurisdictions { get; set; } = "*";
    [Required] public string Languages { get; set; } = "en";
    [Display(Name = "Opening hours")] public string? Hours { get; set; }
    [Required, Display(Name = "Time zone")] public string TimeZone { get; set; } = "UTC";
    [Display(Name = "Pathway order")] public int PathwayOrder { get; set; } = 10;
    public bool Active { get; set; } = true;
    [Display(Name = "On-call name")] public string? OnCallName { get; set; }
    [Display(Name = "On-call phone")] public string? OnCallPhone { get; set; }
    [Required] public string Channels { get; set; } = "";

    public static AgencyForm From(Agency a) => new()
    {
        Name = a.Name, Type = a.Type, Services = string.Join(", ", a.Services), Jurisdictions = string.Join(", ", a.Jurisdictions),
        Languages = string.Join(", ", a.Languages), Hours = a.Hours ?? HoursText.AlwaysOpen, TimeZone = a.TimeZone,
            PathwayOrder = a.PathwayOrder,
        Active = a.Active, OnCallName = a.OnCallName, OnCallPhone = a.OnCallPhone,
        Channels = string.Join(
            "\n", a.Channels.OrderBy(c => c.Position).Select(c => $"{c.Channel.ToString().ToLowerInvariant()} {c.Address}")),
    };

    public const string NoSmtpHostError =
        "E-mail channels cannot be delivered: no SMTP server is configured (set Smtp:Host, see README \"E-mail (SMTP)\"). " +
        "Use an sms or webhook channel, or ask whoever runs the service to configure e-mail.";

    /// <summary>Checks what attributes cannot; returns (field, sentence) pairs for the form.</summary>
    /// <param name="emailConfigured">False while Smtp:Host is empty: an e-mail channel would fail on every referral.</param>
    public IEnumerable<(string Field, string Error)> Problems(bool emailConfigured = true)
    {
        // Only the words are checked and stored here; the zone they are read in is the form's own field.
        if (!HoursText.TryParse(Hours, TimeZoneInfo.Utc, out _, out var hoursError)) yield return (nameof(Hours), hoursError!);
        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return (nameof(TimeZone),
                $"'{TimeZone}' is not a time zone (use an IANA id such as America/Chicago)");
        }
        if (!string.IsNullOrWhiteSpace(OnCallPhone) && !E164().IsMatch(OnCallPhone.Trim()))
        {
            yield return (nameof(OnCallPhone),
                "The on-call phone must be an E.164 number such as +15125550100");
        }
        foreach (var line in Lines(Channels))
        {
            if (ParseChannel(line) is null)
            {
                yield return (nameof(Channels),
                    $"'{line}' is not 'sms +15125550100', 'webhook https://...' or 'email name@example.org'");
            }
        }
        if (!emailConfigured && ChannelSpecs().Any(c => c.Channel == NotificationChannel.Email))
            yield return (nameof(Channels), NoSmtpHostError);
    }

    public void ApplyTo(Agency agency)
    {
        agency.Name = Name.Trim();
        agency.Type = Type;
        agency.Services = List(Services);
        agency.Jurisdictions = List(Jurisdictions);
        agency.Languages = List(Languages);
        agency.Hours = HoursText.Format(HoursText.Parse(Hours, TimeZoneInfo.Utc));
        agency.TimeZone = TimeZone.Trim();
        agency.PathwayOrder = PathwayOrder;
        agency.Active = Active;
        agency.OnCallName = string.IsNullOrWhiteSpace(OnCallName) ? null : OnCallName.Trim();
        agency.OnCallPhone = string.IsNullOrWhiteSpace(OnCallPhone) ? null : OnCallPhone.Trim();
    }

    public List<AgencyChannelSpec> ChannelSpecs() => [.. Lines(Channels).Select(ParseChannel).OfType<AgencyChannelSpec>()];

    private static AgencyChannelSpec? ParseChannel(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Enum.TryParse<NotificationChannel>(parts[0], true, out var channel)) return null;
        var address = parts[1];
        return AgencyChannelSpec.AddressProblem(channel, address) is null ? new AgencyChannelSpec(channel, address) : null;
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string> List(string? text) =>
        [
            .. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
