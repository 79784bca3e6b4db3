using System.Collections.Concurrent;
using Hotline.Web.Data;
using Npgsql;

namespace Hotline.Web.Tests.Telephony;

/// <summary>
/// The real webhook store, with another writer stepping in between a webhook's read and its write: the next
/// read of an armed call is followed by one SQL statement (a status callback landing, an operator's change),
/// so the webhook's write meets a contact that changed since it was read, every time rather than by luck.
/// </summary>
public sealed class InterferingContactStore(NpgsqlDataSource webhookDatabase, PersonalDataProtector protector, StepInterference interference)
    : ContactStore(webhookDatabase, protector)
{
    private readonly NpgsqlDataSource _otherWriter = webhookDatabase;

    public override async Task<Contact?> FindAsync(string externalId, CancellationToken ct)
    {
        var contact = await base.FindAsync(externalId, ct);
        if (contact is not null && interference.Take(externalId) is { } sql)
        {
            await using var command = _otherWriter.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = externalId });
            await command.ExecuteNonQueryAsync(ct);
        }
        return contact;
    }
}

/// <summary>What the other writer does, once, after the next read of a call ($1 is its CallSid).</summary>
public sealed class StepInterference
{
    private readonly ConcurrentDictionary<string, string> _armed = new();

    /// <summary>A status callback ("in-progress") landing between the read and the write.</summary>
    public const string StatusCallbackLands = """UPDATE contacts SET "CallStatus" = 'in-progress' WHERE "ExternalId" = $1""";

    public void Arm(string callSid, string sql = StatusCallbackLands) => _armed[callSid] = sql;

    public string? Take(string callSid) => _armed.TryRemove(callSid, out var sql) ? sql : null;

    public bool IsArmed(string callSid) => _armed.ContainsKey(callSid);
}
