using System.Text.Json;
using Hotline.Core.Referrals;

namespace Hotline.Web.Referrals.Hsds;

/// <summary>
/// The two taxonomies the export's attributes draw from (docs/hsds.md lists them): the agency types, one term per
/// <see cref="AgencyType"/>, and the directory's own fields that HSDS has no place for (time zone, pathway order,
/// notification channels, service tags), carried as attribute values. Ids are fixed so that files from different
/// exports agree, and an import refuses terms it does not know.
/// </summary>
public static class HotlineTaxonomy
{
    public static readonly Guid AgencyTypesId = Guid.Parse("2f0c7a52-3d5e-4b7a-9a41-6c0d1e7b5a01");
    public static readonly Guid DirectoryFieldsId = Guid.Parse("2f0c7a52-3d5e-4b7a-9a41-6c0d1e7b5a02");

    public const string TimeZone = "time_zone";
    public const string PathwayOrder = "pathway_order";
    public const string NotificationChannel = "notification_channel";
    public const string ServiceTag = "service";

    public static readonly HsdsTaxonomy AgencyTypes = new(
        AgencyTypesId, "HotlineService agency types",
        "The kind of agency a trafficking hotline refers cases to; each agency has exactly one.", null, "1");

    public static readonly HsdsTaxonomy DirectoryFields = new(
        DirectoryFieldsId, "HotlineService directory fields",
        "Fields of the hotline's referral directory that HSDS has no field for; the attribute's value holds the value.", null, "1");

    private static readonly Dictionary<AgencyType, string> TypeDescriptions = new()
    {
        [AgencyType.Police] = "Law enforcement: investigation and rescue.",
        [AgencyType.ChildProtection] = "Child protection services; mandatory for cases involving minors.",
        [AgencyType.Shelter] = "Safe accommodation.",
        [AgencyType.Medical] = "Medical care.",
        [AgencyType.LegalAid] = "Legal advice and representation.",
        [AgencyType.LabourInspection] = "Labour inspectorate: workplaces and labour exploitation.",
        [AgencyType.Interpretation] = "Interpreters.",
        [AgencyType.CaseManagement] = "Case management and victim services.",
    };

    private static readonly (string Code, string Name, string Description)[] Fields =
    [
        (TimeZone, "Time zone", "The IANA time zone the service's schedules are in (such as America/Chicago)."),
        (PathwayOrder, "Pathway order", "Order on the referral pathway's escalation ladder; lower is asked first."),
        (NotificationChannel, "Notification channel",
            "How the hotline notifies the agency of a referral, in order of preference: 'sms +E164', 'webhook https://...' "
            + "or 'email name@example.org'."),
        (ServiceTag, "Service", "One service the agency offers (such as shelter or investigation), shown to operators."),
    ];

    public static IReadOnlyList<HsdsTaxonomy> All => [AgencyTypes, DirectoryFields];

    public static string Code(AgencyType type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());

    public static AgencyType? TypeFor(string? code) =>
        Enum.GetValues<AgencyType>().Select(t => (AgencyType?)t).FirstOrDefault(t => Code(t!.Value) == code);

    public static HsdsTaxonomyTerm TypeTerm(AgencyType type) => new(
        HsdsIds.For(AgencyTypesId, Code(type)), Code(type), Words(type.ToString()), TypeDescriptions[type], AgencyTypesId);

    public static HsdsTaxonomyTerm FieldTerm(string code)
    {
        var field = Fields.Single(f => f.Code == code);
        return new HsdsTaxonomyTerm(HsdsIds.For(DirectoryFieldsId, code), code, field.Name, field.Description, DirectoryFieldsId);
    }

    public static IEnumerable<string> FieldCodes => Fields.Select(f => f.Code);

    private static string Words(string pascal)
    {
        var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal).Replace('_', ' ');
        return char.ToUpperInvariant(snake[0]) + snake[1..];
    }
}
