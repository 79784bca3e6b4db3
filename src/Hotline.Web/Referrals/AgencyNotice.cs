using System.Text.Json;
using Hotline.Core.Pathway;
using Hotline.Core.Referrals;
using Hotline.Web.Data;

namespace Hotline.Web.Referrals;

/// <summary>
/// What leaves the hotline about a referral: reference, urgency, category, jurisdiction, data level and
/// the link. Never names, numbers or narrative: those are only behind the link, as the data level allows.
/// </summary>
public sealed record AgencyNotice(
    string Kind, string Reference, string Urgency, string Category, string Jurisdiction, string DataLevel, string Link)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AgencyNotice For(Referral referral, Case @case, AgencyType type, string link) => new(
        "referral",
        @case.Reference,
        @case.Urgency.ToString(),
        $"{@case.ContactType?.ToString() ?? "Unclassified"} / {PathwayPolicy.AgencyWords(type)}",
        @case.Jurisdiction ?? "unknown",
        referral.DataLevel,
        link);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToText() =>
        $"Hotline referral {Reference} ({Urgency}, {Category}, {Jurisdiction}). Details and acknowledgement: {Link}";

    public string Subject => $"Hotline referral {Reference} ({Urgency})";

    public OutgoingMessage ToMessage(string key, AgencyChannel channel, string purpose, Guid? caseId, Guid? referralId) =>
        new(key, channel.Channel, channel.Address, purpose, Subject, ToText(), ToJson(), caseId, referralId);
}
