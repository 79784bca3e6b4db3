using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals.Hsds;

/// <summary>
/// Export and import of the agency directory in HSDS 3.0, for the admin page and the <c>agencies</c> commands.
/// An import is checked completely (JSON, schema, then meaning) before anything is written, and written in one
/// transaction: a file with any error changes nothing.
/// </summary>
public sealed class AgencyDirectoryHsds(HotlineDbContext db, Audit audit)
{
    public async Task<byte[]> ExportAsync(string? actor, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Include(a => a.Channels).ToListAsync(ct);
        audit.Record("agency.hsds-export", detail: $"{agencies.Count} agencies exported as HSDS 3.0", actor: actor);
        await db.SaveChangesAsync(ct);
        return JsonSerializer.SerializeToUtf8Bytes(HsdsExport.From(agencies), HsdsJson.Options);
    }

    public async Task<HsdsImportResult> ImportAsync(ReadOnlyMemory<byte> json, bool checkOnly, string? actor, CancellationToken ct)
    {
        var (incoming, errors) = Parse(json);
        if (errors.Count > 0) return new HsdsImportResult(errors, [], false);

        var ids = incoming.Select(a => a.Id).ToList();
        var existing = await db.Agencies.Include(a => a.Channels).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var steps = incoming.Select(a => new HsdsImportStep(a.Id, a.Name,
            !existing.TryGetValue(a.Id, out var old) ? HsdsImportAction.Add
            : Fingerprint(old) == Fingerprint(a) ? HsdsImportAction.Unchanged : HsdsImportAction.Update)).ToList();
        if (checkOnly) return new HsdsImportResult([], steps, false);

        foreach (var agency in incoming)
        {
            if (existing.TryGetValue(agency.Id, out var old)) Update(old, agency);
            else Add(agency);
        }
        var result = new HsdsImportResult([], steps, true);
        audit.Record("agency.hsds-import", detail: "HSDS 3.0 import: " + result.Summary, actor: actor);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        return result;
    }

    /// <summary>Reads and checks the whole file; no database access, so every error is known before any write.</summary>
    public static (IReadOnlyList<Agency> Agencies, IReadOnlyList<HsdsError> Errors) Parse(ReadOnlyMemory<byte> json)
    {
        // Editors on Windows often start a UTF-8 file with a byte-order mark, which the JSON reader refuses.
        if (json.Span.StartsWith("\uFEFF"u8)) json = json[3..];
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return ([], [new HsdsError(e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})")]);
        }
        var schemaErrors = HsdsSchema.Validate(root);
        if (schemaErrors.Count > 0) return ([], schemaErrors);
        HsdsDocument? hsds;
        try
        {
            hsds = root.Deserialize<HsdsDocument>(HsdsJson.Options);
        }
        catch (JsonException e)
        {
            return ([], [new HsdsError(e.Path ?? "$", "a value has the wrong type")]);
        }
        return hsds is null ? ([], [new HsdsError("$", "the file is empty (null)")]) : HsdsReader.Read(hsds);
    }

    /// <summary>Everything an import sets, as one string, to tell an update from no change.</summary>
    public static string Fingerprint(Agency a) => string.Join("|",
        a.Name, a.Type, string.Join(",", a.Services), string.Join(",", a.Jurisdictions), string.Join(",", a.Languages), a.Hours,
        a.TimeZone, a.Active, a.PathwayOrder, a.OnCallName, a.OnCallPhone,
        string.Join(",", a.Channels.OrderBy(c => c.Position).Select(c => $"{c.Channel} {c.Address}")));

    private void Add(Agency agency)
    {
        foreach (var channel in agency.Channels)
        {
            channel.Id = Guid.NewGuid();
            channel.AgencyId = agency.Id;
        }
        db.Agencies.Add(agency);
    }

    private void Update(Agency old, Agency incoming)
    {
        if (Fingerprint(old) == Fingerprint(incoming)) return;
        (old.Name, old.Type, old.Services, old.Jurisdictions, old.Languages) =
            (incoming.Name, incoming.Type, incoming.Services, incoming.Jurisdictions, incoming.Languages);
        (old.Hours, old.TimeZone, old.Active, old.PathwayOrder, old.OnCallName, old.OnCallPhone) =
            (incoming.Hours, incoming.TimeZone, incoming.Active, incoming.PathwayOrder, incoming.OnCallName, incoming.OnCallPhone);
        db.AgencyChannels.RemoveRange(old.Channels);
        old.Channels = [.. incoming.Channels.Select(c => new AgencyChannel
            { Id = Guid.NewGuid(), AgencyId = old.Id, Channel = c.Channel, Address = c.Address, Position = c.Position })];
        // Added explicitly: rows with a preset Guid key found by change detection would be taken as existing.
        db.AgencyChannels.AddRange(old.Channels);
    }
}
