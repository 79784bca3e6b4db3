using NpgsqlTypes;

namespace Hotline.Web.Data;

/// <summary>A column the webhook path writes by hand: its name, its PostgreSQL type, and how to read it off the entity.</summary>
public sealed record Column<T>(string Name, NpgsqlDbType Type, Func<T, object?> Get);

/// <summary>
/// The columns of <c>contacts</c> and <c>cases</c> that <see cref="ContactStore"/> reads and writes. Kept beside
/// the EF mapping (<see cref="EntityConfigurations"/>), and checked against it by a test, so a new property
/// cannot be silently dropped by the webhook path.
/// </summary>
public static class ContactColumns
{
    /// <summary>Set once, when the contact is created.</summary>
    public static readonly Column<Contact>[] Identity =
    [
        new("Id", NpgsqlDbType.Uuid, c => c.Id),
        new("CaseId", NpgsqlDbType.Uuid, c => c.CaseId),
        new("Channel", NpgsqlDbType.Varchar, c => c.Channel.ToString()),
        new("ExternalId", NpgsqlDbType.Varchar, c => c.ExternalId),
        new("ConversationKey", NpgsqlDbType.Varchar, c => c.ConversationKey),
        new("FlowId", NpgsqlDbType.Varchar, c => c.FlowId),
        new("StartedAt", NpgsqlDbType.TimestampTz, c => c.StartedAt),
    ];

    /// <summary>
    /// Everything a webhook may change on its contact. Written in full on every step: the contact's xmin
    /// guards the row, so nobody else changed any of it since it was read.
    /// </summary>
    public static readonly Column<Contact>[] Mutable =
    [
        new("NodeId", NpgsqlDbType.Varchar, c => c.NodeId),
        new("Language", NpgsqlDbType.Varchar, c => c.Language),
        new("Step", NpgsqlDbType.Integer, c => c.Step),
        new("InvalidAttempts", NpgsqlDbType.Integer, c => c.InvalidAttempts),
        new("AnswersJson", NpgsqlDbType.Jsonb, c => c.AnswersJson),
        new("LastMessageSid", NpgsqlDbType.Varchar, c => c.LastMessageSid),
        new("CallbackRequested", NpgsqlDbType.Boolean, c => c.CallbackRequested),
        new("State", NpgsqlDbType.Varchar, c => c.State.ToString()),
        new("LastActivityAt", NpgsqlDbType.TimestampTz, c => c.LastActivityAt),
        new("EnqueuedAt", NpgsqlDbType.TimestampTz, c => c.EnqueuedAt),
        new("LastQueuePollAt", NpgsqlDbType.TimestampTz, c => c.LastQueuePollAt),
        new("AnsweredAt", NpgsqlDbType.TimestampTz, c => c.AnsweredAt),
        new("EndedAt", NpgsqlDbType.TimestampTz, c => c.EndedAt),
        new("CallStatus", NpgsqlDbType.Varchar, c => c.CallStatus),
        new("RecordingSid", NpgsqlDbType.Varchar, c => c.RecordingSid),
        new("RecordingUrl", NpgsqlDbType.Text, c => c.RecordingUrl),
        new("RecordingSeconds", NpgsqlDbType.Integer, c => c.RecordingSeconds),
        new("AnsweredBy", NpgsqlDbType.Text, c => c.AnsweredBy),
    ];

    /// <summary>Set once, when the case is created by a first contact.</summary>
    public static readonly Column<Case>[] CaseIdentity =
    [
        new("Id", NpgsqlDbType.Uuid, c => c.Id),
        new("Reference", NpgsqlDbType.Varchar, c => c.Reference),
        new("FirstChannel", NpgsqlDbType.Varchar, c => c.FirstChannel.ToString()),
        new("FlowId", NpgsqlDbType.Varchar, c => c.FlowId),
        new("CallerHash", NpgsqlDbType.Varchar, c => c.CallerHash),
        new("CreatedAt", NpgsqlDbType.TimestampTz, c => c.CreatedAt),
        new("CallbackDue", NpgsqlDbType.Boolean, c => c.CallbackDue),
        new("TriageOverdue", NpgsqlDbType.Boolean, c => c.TriageOverdue),
        new("Indicators", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.Indicators),
        new("Needs", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.Needs),
    ];

    /// <summary>
    /// What intake and call progress change on a case. Only the changed ones are written: the case is shared
    /// with operators and jobs, so a step must not write back a column it did not touch.
    /// </summary>
    public static readonly Column<Case>[] CaseIntake =
    [
        new("Status", NpgsqlDbType.Varchar, c => c.Status.ToString()),
        new("Urgency", NpgsqlDbType.Varchar, c => c.Urgency.ToString()),
        new("Language", NpgsqlDbType.Varchar, c => c.Language),
        new("SafeToTalk", NpgsqlDbType.Boolean, c => c.SafeToTalk),
        new("ImminentDanger", NpgsqlDbType.Boolean, c => c.ImminentDanger),
        new("ChildInvolved", NpgsqlDbType.Boolean, c => c.ChildInvolved),
        new("Need", NpgsqlDbType.Text, c => c.Need),
        new("CallbackAllowed", NpgsqlDbType.Boolean, c => c.CallbackAllowed),
        new("CallbackWindow", NpgsqlDbType.Text, c => c.CallbackWindow),
        new("VoicemailAllowed", NpgsqlDbType.Boolean, c => c.VoicemailAllowed),
        new("CallbackDueAt", NpgsqlDbType.TimestampTz, c => c.CallbackDueAt),
        new("Abandoned", NpgsqlDbType.Boolean, c => c.Abandoned),
        new("UpdatedAt", NpgsqlDbType.TimestampTz, c => c.UpdatedAt),
    ];

    /// <summary>Encrypted at rest: written through the personal-data protector, never in clear.</summary>
    public static readonly Column<Case>[] CaseEncrypted =
    [
        new("CallerNumber", NpgsqlDbType.Text, c => c.CallerNumber),
        new("Narrative", NpgsqlDbType.Text, c => c.Narrative),
    ];

    /// <summary>
    /// Case properties the webhook path reads (the pathway's urgency rule looks at them) but never writes;
    /// operators and jobs own them.
    /// </summary>
    public static readonly string[] CaseReadOnly = ["ContactType", "TraffickingType", "ConsentToShare", "Jurisdiction"];
}
