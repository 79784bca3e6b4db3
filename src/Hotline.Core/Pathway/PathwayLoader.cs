using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Pathway;

/// <summary>
/// Loads and validates a pathway file (format documented in the header of flows/pathway.*.yaml).
/// Throws <see cref="PathwayValidationException"/> listing every error as file:line: what.
/// </summary>
public static class PathwayLoader
{
    private static readonly string[] RootKeys =
        ["pathway", "anonymous_notifications_for_refusing_adults", "retention_days", "triage_deadlines", "follow_up", "needs", "rules",
            "callback_retries"];

    private static readonly string[] RuleKeys =
        ["id", "when", "agencies", "mandatory", "consent", "data", "acknowledge_within", "escalation", "reason"];

    /// <summary>The scalar that makes a rule take its agency types from the caller's needs.</summary>
    private const string FromNeeds = "from_needs";

    public static PathwayDefinition LoadFile(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static PathwayDefinition Parse(string yaml, string fileName)
    {
        var reader = new YamlFileReader(fileName);
        var root = reader.ParseRoot(yaml, "pathway settings (pathway:, ..., rules:)");
        reader.ThrowIfErrors(errors => new PathwayValidationException(errors));
        reader.RejectUnknownKeys(root!, "the pathway", RootKeys);

        var name = reader.Text(reader.Required(root!, "pathway"), "pathway");
        var anonymous =
            reader.Bool(reader.Required(root!, "anonymous_notifications_for_refusing_adults"),
                "anonymous_notifications_for_refusing_adults");
        var retentionNode = reader.Required(root!, "retention_days");
        var retention = reader.Int(retentionNode, "retention_days");
        if (retention is <= 0)
        {
            reader.Error(retentionNode, $"retention_days must be greater than zero, got {retention}");
        }

        var triage = ReadTriage(reader, root!);
        var followUp = ReadFollowUp(reader, root!);
        var needs = ReadNeeds(reader, root!);
        var rules = ReadRules(reader, root!);
        var callbackRetries = ReadCallbackRetries(reader, root!);

        reader.ThrowIfErrors(errors => new PathwayValidationException(errors));
        return new PathwayDefinition(name!, rules, triage, needs, followUp, anonymous!.Value, retention!.Value)
        {
            CallbackRetries = callbackRetries,
        };
    }

    private static Dictionary<Urgency, TimeSpan> ReadTriage(YamlFileReader reader, YamlMappingNode root)
    {
        var result = new Dictionary<Urgency, TimeSpan>();
        var map = reader.Mapping(reader.Required(root, "triage_deadlines"), "triage_deadlines");
        if (map is null)
        {
            return result;
        }

        foreach (var (key, value) in map.Children)
        {
            var urgency = reader.Enum<Urgency>(key, "urgency");
            var deadline = reader.Duration(value, $"triage deadline '{key}'");
            if (urgency is not null && deadline is not null)
            {
                result[urgency.Value] = deadline.Value;
            }
        }

        // Every urgency needs a deadline, or some cases would have no triage promise at all.
        foreach (var urgency in Enum.GetValues<Urgency>().Where(u => !result.ContainsKey(u)))
        {
            if (!map.Children.Keys.Any(
                k => string.Equals((k as YamlScalarNode)?.Value, YamlFileReader.SnakeCase(urgency), StringComparison.OrdinalIgnoreCase)))
            {
                reader.Error(map, $"missing triage deadline for '{YamlFileReader.SnakeCase(urgency)}'");
            }
        }

        return result;
    }

    private static List<TimeSpan> ReadFollowUp(YamlFileReader reader, YamlMappingNode root)
    {
        var result = new List<TimeSpan>();
        var list = reader.Sequence(reader.Required(root, "follow_up"), "follow_up");
        foreach (var item in list?.Children ?? [])
        {
            var offset = reader.Duration(item, "follow-up offset");
            if (offset is null)
            {
                continue;
            }

            if (result.Count > 0 && offset <= result[^1])
            {
                reader.Error(item, "follow-up offsets must increase (each check-in comes after the previous one)");
            }

            result.Add(offset.Value);
        }

        return result;
    }

    /// <summary>The waits between callback attempts; absent: the default rule. Each wait must be positive.</summary>
    private static Callbacks.CallbackRetryRule ReadCallbackRetries(YamlFileReader reader, YamlMappingNode root)
    {
        if (reader.Optional(root, "callback_retries") is not { } node) return Callbacks.CallbackRetryRule.Default;
        var waits = new List<TimeSpan>();
        foreach (var item in reader.Sequence(node, "callback_retries")?.Children ?? [])
        {
            if (reader.Duration(item, "callback retry wait") is { } wait) waits.Add(wait);
        }
        return new Callbacks.CallbackRetryRule(waits);
    }

    private static Dictionary<string, AgencyType> ReadNeeds(YamlFileReader reader, YamlMappingNode root)
    {
        var result = new Dictionary<string, AgencyType>(StringComparer.OrdinalIgnoreCase);
        var map = reader.Mapping(reader.Required(root, "needs"), "needs");
        foreach (var (key, value) in map?.Children.AsEnumerable() ?? [])
        {
            var need = reader.Text(key, "need");
            var type = reader.Enum<AgencyType>(value, "agency type");
            if (need is not null && type is not null)
            {
                result[need] = type.Value;
            }
        }

        return result;
    }

    private static List<PathwayRule> ReadRules(YamlFileReader reader, YamlMappingNode root)
    {
        var rules = new List<PathwayRule>();
        var list = reader.Sequence(reader.Required(root, "rules"), "rules");
        if (list is { Children.Count: 0 })
        {
            reader.Error(list, "a pathway needs at least one rule");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list?.Children ?? [])
        {
            var map = reader.Mapping(item, "rule");
            if (map is not null && ReadRule(reader, map) is { } rule)
            {
                if (!ids.Add(rule.Id))
                {
                    reader.Error(map, $"duplicate rule id '{rule.Id}'");
                }

                rules.Add(rule);
            }
        }

        return rules;
    }

    private static PathwayRule? ReadRule(YamlFileReader reader, YamlMappingNode map)
    {
        var errorsBefore = reader.Errors.Count;
        reader.RejectUnknownKeys(map, "a rule", RuleKeys);

        var id = reader.Text(reader.Required(map, "id"), "rule id");
        var conditions = ReadConditions(reader, map);
        var (agencies, fromNeeds) = ReadAgencies(reader, map);
        var mandatory = reader.Bool(reader.Required(map, "mandatory"), "mandatory");
        var consentNode = reader.Required(map, "consent");
        var consent = reader.Enum<ConsentBasis>(consentNode, "consent basis");
        var dataNode = reader.Required(map, "data");
        var data = reader.Enum<DataLevel>(dataNode, "data level");
        var ack = reader.Duration(reader.Required(map, "acknowledge_within"), "acknowledge_within");
        var ladder = ReadLadder(reader, map);
        var reason = reader.Text(reader.Required(map, "reason"), "reason");

        // Safety invariants between fields: these are the mistakes that would leak a caller's identity.
        if (consent == ConsentBasis.AnonymousOnly && data is not null and not DataLevel.Anonymous)
        {
            reader.Error(dataNode, "an anonymous_only rule must use data: anonymous");
        }

        if (consent == ConsentBasis.Consented && !conditions.Contains("consent_given"))
        {
            reader.Error(consentNode, "a consented rule must include 'consent_given' in 'when'");
        }

        if (consent == ConsentBasis.MandatoryNoConsentNeeded && mandatory == false)
        {
            reader.Error(consentNode, "mandatory_no_consent_needed only makes sense on a mandatory rule");
        }

        if (reader.Errors.Count > errorsBefore)
        {
            return null;
        }

        return new PathwayRule(
            id!, conditions, agencies, fromNeeds, mandatory!.Value, consent!.Value, data!.Value, ack!.Value, ladder, reason!);
    }

    private static List<string> ReadConditions(YamlFileReader reader, YamlMappingNode map)
    {
        var result = new List<string>();
        var list = reader.Sequence(reader.Required(map, "when"), "when");
        if (list is { Children.Count: 0 })
        {
            // A rule that always fires is almost certainly a mistake in a safeguarding policy.
            reader.Error(list, "'when' needs at least one condition");
        }

        foreach (var item in list?.Children ?? [])
        {
            var name = reader.Text(item, "condition");
            if (name is null)
            {
                continue;
            }

            if (!PathwayCondition.IsKnown(name))
            {
                reader.Error(item, $"unknown condition '{name}' (known: {string.Join(", ", PathwayCondition.Names)})");
            }

            result.Add(name);
        }

        return result;
    }

    private static (List<AgencyType> Agencies, bool FromNeeds) ReadAgencies(YamlFileReader reader, YamlMappingNode map)
    {
        var node = reader.Required(map, "agencies");
        if (node is YamlScalarNode { Value: FromNeeds })
        {
            return ([], true);
        }

        var result = new List<AgencyType>();
        var list = reader.Sequence(node, $"agencies (a list, or '{FromNeeds}')");
        if (list is { Children.Count: 0 })
        {
            reader.Error(list, "agencies must name at least one agency type");
        }

        foreach (var item in list?.Children ?? [])
        {
            if (reader.Enum<AgencyType>(item, "agency type") is { } type)
            {
                result.Add(type);
            }
        }

        return (result, false);
    }

    private static List<EscalationRung> ReadLadder(YamlFileReader reader, YamlMappingNode map)
    {
        var result = new List<EscalationRung>();
        var node = reader.Required(map, "escalation");
        var list = reader.Sequence(node, "escalation");
        if (list is { Children.Count: 0 })
        {
            // Without a ladder a missed deadline would simply be forgotten.
            reader.Error(list, "empty escalation ladder: a missed deadline must escalate somewhere");
        }

        foreach (var item in list?.Children ?? [])
        {
            if (reader.Enum<EscalationRung>(item, "escalation rung") is { } rung)
            {
                result.Add(rung);
            }
        }

        return result;
    }
}
