using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>The agency directory, for administrators: list, create, edit, deactivate, test a channel.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/agencies")]
public sealed class AgenciesController(
    HotlineDbContext db, Audit audit, NotificationSender sender, AgencyLinks links, TimeProvider clock, HotlineSettings settings)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(
            await db.Agencies.AsNoTracking().Include(a => a.Channels).OrderBy(a => a.Type).ThenBy(a => a.PathwayOrder).ThenBy(a => a.Name)
            .ToListAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new AgencyEditPage(null, new AgencyForm(), []));

    [HttpPost("new")]
    public async Task<IActionResult> Create(AgencyForm? form, CancellationToken ct)
    {
        if (!Validate(form)) return View("Edit", new AgencyEditPage(null, form ?? new AgencyForm(), []));
        var agency = new Agency { Id = Guid.NewGuid() };
        form.ApplyTo(agency);
        ReplaceChannels(agency, form);
        db.Agencies.Add(agency);
        audit.Record("agency.create", detail: agency.Name);
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var agency = await Load(id, ct);
        return agency is null ? NotFound()
            : View(new AgencyEditPage(id, AgencyForm.From(agency), agency.Channels.OrderBy(c => c.Position).ToList()));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, AgencyForm? form, CancellationToken ct)
    {
        var agency = await Load(id, ct);
        if (agency is null) return NotFound();
        if (!Validate(form))
        {
            return View(
                new AgencyEditPage(id, form ?? AgencyForm.From(agency), agency.Channels.OrderBy(c => c.Position).ToList()));
        }
        form.ApplyTo(agency);
        ReplaceChannels(agency, form);
        audit.Record("agency.update", detail: agency.Name);
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/deactivate")]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken ct)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null) return NotFound();
        // Deactivated, never deleted: past referrals still point at it.
        agency.Active = false;
        audit.Record("agency.deactivate", detail: agency.Name);
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/channels/{channelId:guid}/test")]
    public async Task<IActionResult> TestChannel(Guid id, Guid channelId, CancellationToken ct)
    {
        var agency = await Load(id, ct);
        var channel = agency?.Channels.FirstOrDefault(c => c.Id == channelId);
        if (agency is null || channel is null) return NotFound();
        var notice = new AgencyNotice("test", "HL-TEST", "Normal", "Test notification", "none", "Anonymous", links.LinkFor(Guid.Empty));
        // A fresh key per click: each test is its own message (two clicks in one millisecond included).
        var key = $"agency:{id}:channel:{channelId}:test:{clock.GetUtcNow().ToUnixTimeMilliseconds()}:{Guid.NewGuid():N}";
        var sent = await sender.SendOnceAsync(notice.ToMessage(key, channel, "agency-test", null, null), ct);
        audit.Record("agency.test-channel", detail: $"{agency.Name} {channel.Channel}: {sent.Status} {sent.LastError}");
        await db.SaveChangesAsync(ct);
        TempData["Result"] = sent.Status == "Sent"
            ? $"Test {channel.Channel} notification sent to {agency.Name}."
            : $"Test {channel.Channel} notification failed: {sent.LastError}";
        return RedirectToAction(nameof(Edit), new { id });
    }

    private Task<Agency?> Load(Guid id, CancellationToken ct) =>
        db.Agencies.Include(a => a.Channels).FirstOrDefaultAsync(a => a.Id == id, ct);

    private bool Validate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] AgencyForm? form)
    {
        // A body that could not be read as a form (NUL bytes, over the limits) binds no form at all;
        // model binding has already recorded why.
        if (form is null)
        {
            if (ModelState.IsValid) ModelState.AddModelError("", "The form could not be read. Please try again.");
            return false;
        }
        foreach (var (field, error) in form.Problems(settings.Smtp.IsConfigured)) ModelState.AddModelError(field, error);
        return ModelState.IsValid;
    }

    private void ReplaceChannels(Agency agency, AgencyForm form)
    {
        db.AgencyChannels.RemoveRange(agency.Channels);
        agency.Channels = [
            .. form.ChannelSpecs()
            .Select((c, i) => new AgencyChannel
                { Id = Guid.NewGuid(), AgencyId = agency.Id, Channel = c.Channel, Address = c.Address, Position = i })];
        // Added explicitly: rows with a preset Guid key found by change detection would be taken as existing.
        db.AgencyChannels.AddRange(agency.Channels);
    }
}
