using Hotline.Core.Cases;
using Npgsql;
using NpgsqlTypes;

namespace Hotline.Web.Data;

/// <summary>
/// A column the webhook path maps by hand: its name, its PostgreSQL type, how to read it off the entity (for the
/// write) and how to set it on the entity from a row (<see cref="Set"/>, null when the webhooks never read it).
/// The select list and the reader are both generated from these lists, so they cannot disagree.
/// </summary>
public sealed record Column<T>(string Name, NpgsqlDbType Type, Func<T, object?> Get, Action<T, NpgsqlDataReader, int>? Set);

/// <summary>
/// The columns of <c>contacts</c> and <c>cases</c> that <see cref="ContactStore"/> reads and writes. Kept beside
/// the EF mapping (<c>EntityConfigurations.cs</c>), and checked against it by a test, so a new property
/// cannot be silently dropped by the webhook path.
/// </summary>
public static class ContactColumns
{
    /// <summary>Set once, when the contact is created.</summary>
    public static readonly Column<Contact>[] Identity =
    [
        new("Id", NpgsqlDbType.Uuid, c => c.Id, (c, r, i) => c.Id = r.GetGuid(i)),
        new("CaseId", NpgsqlDbType.Uuid, c => c.CaseId, (c, r, i) => c.CaseId = r.GetGuid(i)),
        new("Channel", NpgsqlDbType.Varchar, c => c.Channel.ToString(), (c, r, i) => c.Channel = Parse<Channel>(r, i)),
        new("ExternalId", NpgsqlDbType.Varchar, c => c.ExternalId, (c, r, i) => c.ExternalId = r.GetString(i)),
        new("ConversationKey", NpgsqlDbType.Varchar, c => c.ConversationKey, (c, r, i) => c.ConversationKey = Text(r, i)),
        new("FlowId", NpgsqlDbType.Varchar, c => c.FlowId, (c, r, i) => c.FlowId = r.GetString(i)),
        new("HotlineAddress", NpgsqlDbType.Varchar, c => c.HotlineAddress, (c, r, i) => c.HotlineAddress = Text(r, i)),
        new("StartedAt", NpgsqlDbType.TimestampTz, c => c.StartedAt, (c, r, i) => c.StartedAt = Time(r, i)),
    ];

    /// <summary>
    /// Everything a webhook may change on its contact. Written in full on every step: the contact's xmin
    /// guards the row, so nobody else changed any of it since it was read.
    /// </summary>
    public static readonly Column<Contact>[] Mutable =
    [
        new("NodeId", NpgsqlDbType.Varchar, c => c.NodeId, (c, r, i) => c.NodeId = r.GetString(i)),
        new("Language", NpgsqlDbType.Varchar, c => c.Language, (c, r, i) => c.Language = r.GetString(i)),
        new("Step", NpgsqlDbType.Integer, c => c.Step, (c, r, i) => c.Step = r.GetInt32(i)),
        new("InvalidAttempts", NpgsqlDbType.Integer, c => c.InvalidAttempts, (c, r, i) => c.InvalidAttempts = r.GetInt32(i)),
        new("AnswersJson", NpgsqlDbType.Jsonb, c => c.AnswersJson, (c, r, i) => c.AnswersJson = r.GetString(i)),
        new("LastMessageSid", NpgsqlDbType.Varchar, c => c.LastMessageSid, (c, r, i) => c.LastMessageSid = Text(r, i)),
        new("CallbackRequested", NpgsqlDbType.Boolean, c => c.CallbackRequested, (c, r, i) => c.CallbackRequested = r.GetBoolean(i)),
        new("State", NpgsqlDbType.Varchar, c => c.State.ToString(), (c, r, i) => c.State = Parse<ContactState>(r, i)),
        new("LastActivityAt", NpgsqlDbType.TimestampTz, c => c.LastActivityAt, (c, r, i) => c.LastActivityAt = Time(r, i)),
        new("EnqueuedAt", NpgsqlDbType.TimestampTz, c => c.EnqueuedAt, (c, r, i) => c.EnqueuedAt = TimeOrNull(r, i)),
        new("LastQueuePollAt", NpgsqlDbType.TimestampTz, c => c.LastQueuePollAt, (c, r, i) => c.LastQueuePollAt = TimeOrNull(r, i)),
        new("AnsweredAt", NpgsqlDbType.TimestampTz, c => c.AnsweredAt, (c, r, i) => c.AnsweredAt = TimeOrNull(r, i)),
        new("EndedAt", NpgsqlDbType.TimestampTz, c => c.EndedAt, (c, r, i) => c.EndedAt = TimeOrNull(r, i)),
        new("CallStatus", NpgsqlDbType.Varchar, c => c.CallStatus, (c, r, i) => c.CallStatus = Text(r, i)),
        new("RecordingSid", NpgsqlDbType.Varchar, c => c.RecordingSid, (c, r, i) => c.RecordingSid = Text(r, i)),
        new("RecordingUrl", NpgsqlDbType.Text, c => c.RecordingUrl, (c, r, i) => c.RecordingUrl = Text(r, i)),
        new("RecordingSeconds", NpgsqlDbType.Integer, c => c.RecordingSeconds, (c, r, i) => c.RecordingSeconds = Value<int>(r, i)),
        new("AnsweredBy", NpgsqlDbType.Text, c => c.AnsweredBy, (c, r, i) => c.AnsweredBy = Text(r, i)),
        new("AwaitingReplySince", NpgsqlDbType.TimestampTz, c => c.AwaitingReplySince,
            (c, r, i) => c.AwaitingReplySince = TimeOrNull(r, i)),
    ];

    /// <summary>Set once, when the case is created by a first contact.</summary>
    public static readonly Column<Case>[] CaseIdentity =
    [
        new("Id", NpgsqlDbType.Uuid, c => c.Id, (c, r, i) => c.Id = r.GetGuid(i)),
        new("Reference", NpgsqlDbType.Varchar, c => c.Reference, (c, r, i) => c.Reference = r.GetString(i)),
        new("FirstChannel", NpgsqlDbType.Varchar, c => c.FirstChannel.ToString(), (c, r, i) => c.FirstChannel = Parse<Channel>(r, i)),
        new("FlowId", NpgsqlDbType.Varchar, c => c.FlowId, (c, r, i) => c.FlowId = r.GetString(i)),
        new("CallerHash", NpgsqlDbType.Varchar, c => c.CallerHash, (c, r, i) => c.CallerHash = Text(r, i)),
        new("CreatedAt", NpgsqlDbType.TimestampTz, c => c.CreatedAt, (c, r, i) => c.CreatedAt = Time(r, i)),
        new("CallbackDue", NpgsqlDbType.Boolean, c => c.CallbackDue, (c, r, i) => c.CallbackDue = r.GetBoolean(i)),
        new("TriageOverdue", NpgsqlDbType.Boolean, c => c.TriageOverdue, (c, r, i) => c.TriageOverdue = r.GetBoolean(i)),
        new("Indicators", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.Indicators, null),
        new("Needs", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.Needs, (c, r, i) => c.Needs = r.GetFieldValue<List<string>>(i)),
    ];

    /// <summary>
    /// What intake and call progress change on a case. Only the changed ones are written: the case is shared
    /// with operators and jobs, so a step must not write back a column it did not touch.
    /// </summary>
    public static readonly Column<Case>[] CaseIntake =
    [
        new("Status", NpgsqlDbType.Varchar, c => c.Status.ToString(), (c, r, i) => c.Status = Parse<CaseStatus>(r, i)),
        new("Urgency", NpgsqlDbType.Varchar, c => c.Urgency.ToString(), (c, r, i) => c.Urgency = Parse<Urgency>(r, i)),
        new("Language", NpgsqlDbType.Varchar, c => c.Language, (c, r, i) => c.Language = r.GetString(i)),
        new("SafeToTalk", NpgsqlDbType.Boolean, c => c.SafeToTalk, (c, r, i) => c.SafeToTalk = Value<bool>(r, i)),
        new("ImminentDanger", NpgsqlDbType.Boolean, c => c.ImminentDanger, (c, r, i) => c.ImminentDanger = Value<bool>(r, i)),
        new("ChildInvolved", NpgsqlDbType.Boolean, c => c.ChildInvolved, (c, r, i) => c.ChildInvolved = Value<bool>(r, i)),
        new("Need", NpgsqlDbType.Text, c => c.Need, (c, r, i) => c.Need = Text(r, i)),
        new("CallbackAllowed", NpgsqlDbType.Boolean, c => c.CallbackAllowed, (c, r, i) => c.CallbackAllowed = Value<bool>(r, i)),
        new("CallbackWindow", NpgsqlDbType.Text, c => c.CallbackWindow, (c, r, i) => c.CallbackWindow = Text(r, i)),
        new("VoicemailAllowed", NpgsqlDbType.Boolean, c => c.VoicemailAllowed, (c, r, i) => c.VoicemailAllowed = Value<bool>(r, i)),
        new("CallbackDueAt", NpgsqlDbType.TimestampTz, c => c.CallbackDueAt, (c, r, i) => c.CallbackDueAt = TimeOrNull(r, i)),
        new("Abandoned", NpgsqlDbType.Boolean, c => c.Abandoned, (c, r, i) => c.Abandoned = r.GetBoolean(i)),
        new("UpdatedAt", NpgsqlDbType.TimestampTz, c => c.UpdatedAt, (c, r, i) => c.UpdatedAt = Time(r, i)),
    ];

    /// <summary>Encrypted at rest: written through the personal-data protector, never in clear.</summary>
    public static readonly Column<Case>[] CaseEncrypted =
    [
        new("CallerNumber", NpgsqlDbType.Text, c => c.CallerNumber, null),
        new("Narrative", NpgsqlDbType.Text, c => c.Narrative, null),
    ];

    /// <summary>
    /// Case properties the webhook path reads (the pathway's urgency rule looks at them) but never writes;
    /// operators and jobs own them.
    /// </summary>
    public static readonly Column<Case>[] CaseReadOnly =
    [
        new("ContactType", NpgsqlDbType.Varchar, c => c.ContactType?.ToString(),
            (c, r, i) => c.ContactType = r.IsDBNull(i) ? null : Parse<ContactType>(r, i)),
        new("TraffickingType", NpgsqlDbType.Varchar, c => c.TraffickingType?.ToString(),
            (c, r, i) => c.TraffickingType = r.IsDBNull(i) ? null : Parse<TraffickingType>(r, i)),
        new("ConsentToShare", NpgsqlDbType.Boolean, c => c.ConsentToShare, (c, r, i) => c.ConsentToShare = Value<bool>(r, i)),
        new("Jurisdiction", NpgsqlDbType.Varchar, c => c.Jurisdiction, (c, r, i) => c.Jurisdiction = Text(r, i)),
    ];

    /// <summary>
    /// The contact's row version (xmin), read with it: the step's write is guarded by it
    /// (<see cref="ContactChanges.LoadedVersion"/>). Never written: PostgreSQL moves it.
    /// </summary>
    public static readonly Column<Contact> ContactVersion =
        new("xmin", NpgsqlDbType.Xid, c => c.Version, (c, r, i) => c.Version = r.GetFieldValue<uint>(i));

    /// <summary>What a webhook reads of its contact, in select-list order: every column with a setter, and its xmin.</summary>
    public static readonly Column<Contact>[] ContactRead = [.. Identity.Concat(Mutable).Where(c => c.Set is not null), ContactVersion];

    /// <summary>What a webhook reads of the contact's case, in select-list order after the contact's columns.</summary>
    public static readonly Column<Case>[] CaseRead =
        [.. CaseIdentity.Concat(CaseIntake).Concat(CaseReadOnly).Where(c => c.Set is not null)];

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static T? Value<T>(NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);

    private static DateTimeOffset Time(NpgsqlDataReader r, int i) => r.GetFieldValue<DateTimeOffset>(i);

    private static DateTimeOffset? TimeOrNull(NpgsqlDataReader r, int i) => Value<DateTimeOffset>(r, i);

    private static T Parse<T>(NpgsqlDataReader r, int i) where T : struct, Enum => Enum.Parse<T>(r.GetString(i));
}
