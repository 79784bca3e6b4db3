using System.Collections.Concurrent;
using Hotline.Web.Data;
using Npgsql;

namespace Hotline.Web.Tests.Telephony;

/// <summary>
/// The real webhook store, with another writer stepping in between a webhook's read and its write: the next
/// read of an armed call is followed by one SQL statement (a status callback landing, an operator's change),
/// so the webhook's write meets a contact that changed since it was read, every time rather than by luck.
/// </summary>
public sealed class InterferingContactStore(
    NpgsqlDataSource webhookDatabase, PersonalDataProtector protector, StepInterference interference)
    : ContactStore(webhookDatabase, protector)
{
    private readonly NpgsqlDataSource _otherWriter = webhookDatabase;

    public override async Task<Contact?> FindAsync(string externalId, CancellationToken ct) =>
        await InterfereAsync(await base.FindAsync(externalId, ct), ct);

    public override async Task<Contact?> FindOpenConversationAsync(string conversationKey, CancellationToken ct) =>
        await InterfereAsync(await base.FindOpenConversationAsync(conversationKey, ct), ct);

    private async Task<Contact?> InterfereAsync(Contact? contact, CancellationToken ct)
    {
        if (contact is not null && interference.Take(contact.ExternalId) is { } sql)
        {
            await using var command = _otherWriter.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = contact.ExternalId });
            await command.ExecuteNonQueryAsync(ct);
        }
        return contact;
    }
}

/// <summary>What the other writer does, once, after the next read of a contact ($1 is its CallSid or first MessageSid).</summary>
public sealed class StepInterference
{
    private readonly ConcurrentDictionary<string, string> _armed = new();
    private readonly ConcurrentDictionary<string, string> _everyRead = new();

    /// <summary>A status callback ("in-progress") landing between the read and the write.</summary>
    public const string StatusCallbackLands = """UPDATE contacts SET "CallStatus" = 'in-progress' WHERE "ExternalId" = $1""";

    /// <summary>Another writer touching the contact row (an expiry job, an operator): any change moves its xmin.</summary>
    public const string ContactTouched = """UPDATE contacts SET "LastActivityAt" = "LastActivityAt" WHERE "ExternalId" = $1""";

    public void Arm(string callSid, string sql = StatusCallbackLands) => _armed[callSid] = sql;

    /// <summary>The other writer steps in after every read of the contact, until <see cref="Disarm"/>: every write loses.</summary>
    public void ArmEveryRead(string callSid, string sql) => _everyRead[callSid] = sql;

    public void Disarm(string callSid) => _everyRead.TryRemove(callSid, out _);

    public string? Take(string callSid) =>
        _armed.TryRemove(callSid, out var sql) ? sql : _everyRead.TryGetValue(callSid, out var always) ? always : null;

    public bool IsArmed(string callSid) => _armed.ContainsKey(callSid);
}
