using System.Text.Json;
using Hotline.Core.Cases;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Console;

/// <summary>
/// Text conversations written straight into the database, as the intake and the sender would leave them: a case, its
/// conversation (a Contact on a text channel) and transcript rows, each saved on its own so Sequence keeps their order.
/// </summary>
public static class ConversationSeed
{
    public sealed record Seeded(Guid CaseId, Guid ContactId, string Reference);

    public static async Task<Seeded> ConversationAsync(
        HotlineApp app, Channel channel = Channel.Sms, ContactState state = ContactState.Queued, TimeSpan? waiting = null,
        string language = "es", string? takenBy = null)
    {
        var now = app.Clock.GetUtcNow();
        var started = now - (waiting ?? TimeSpan.FromMinutes(4)) - TimeSpan.FromMinutes(3);
        var @case = new Case
        {
            Id = Guid.NewGuid(), Reference = CaseReferences.New(now), Status = CaseStatus.AwaitingTriage, Urgency = Urgency.Normal,
            FirstChannel = channel, FlowId = "national", Language = language, CallerNumber = "+15557654321",
            CallerHash = "hash-of-a-texter-" + Guid.NewGuid().ToString("N")[..8], SafeToTalk = true, CallbackAllowed = false,
            VoicemailAllowed = false, SafeContactInstructions = "Text only; never call: he checks her phone at night.",
            CreatedAt = started, UpdatedAt = now, TriageDueAt = now + TimeSpan.FromMinutes(60),
        };
        var contact = new Contact
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, Channel = channel, ExternalId = "SM" + Guid.NewGuid().ToString("N"),
            FlowId = "national", NodeId = "queue", Language = language, State = state, StartedAt = started, LastActivityAt = now,
            EnqueuedAt = started + TimeSpan.FromMinutes(2), HotlineAddress = HotlineApp.HotlineNumber,
            AwaitingReplySince =
                state is ContactState.Queued or ContactState.WithOperator ? now - (waiting ?? TimeSpan.FromMinutes(4)) : null,
            AnsweredBy = takenBy, AnsweredAt = takenBy is null ? null : now - TimeSpan.FromMinutes(3),
        };
        await app.WithDbAsync(async db =>
        {
            db.Cases.Add(@case);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
        });
        return new Seeded(@case.Id, contact.Id, @case.Reference);
    }

    /// <summary>One transcript row, saved alone (the database numbers Sequence in insert order).</summary>
    public static async Task<Guid> MessageAsync(
        HotlineApp app, Seeded conversation, MessageAuthor author, string? body, MessageStatus? status = null, string? problem = null,
        string? advocateId = null, IReadOnlyList<MediaReference>? media = null, TimeSpan? ago = null)
    {
        var now = app.Clock.GetUtcNow();
        var channel = await app.WithDbAsync(db => Task.FromResult(db.Contacts.Single(c => c.Id == conversation.ContactId).Channel));
        var row = new ConversationMessage
        {
            Id = Guid.NewGuid(), CaseId = conversation.CaseId, ContactId = conversation.ContactId, Channel = channel,
            Direction = author == MessageAuthor.Texter ? MessageDirection.Inbound : MessageDirection.Outbound, Author = author,
            MessageSid = author == MessageAuthor.Texter ? "SM" + Guid.NewGuid().ToString("N") : null, Body = body,
            MediaJson = media is { Count: > 0 } ? JsonSerializer.Serialize(media) : null,
            Status = status ?? (author == MessageAuthor.Texter ? MessageStatus.Received : MessageStatus.Delivered),
            Problem = problem, AuthorUserId = advocateId, At = now - (ago ?? TimeSpan.Zero), StatusAt = now,
        };
        await app.WithDbAsync(async db =>
        {
            db.ConversationMessages.Add(row);
            await db.SaveChangesAsync();
        });
        return row.Id;
    }

    /// <summary>A console user with a display name of the test's choosing; returns (email, user id).</summary>
    public static async Task<(string Email, string Id)> UserAsync(HotlineApp app, string role, string displayName)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}@hotline.test";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HotlineUser>>();
        var result = await UserAccounts.CreateAsync(users, email, displayName, ConsoleSeed.OperatorPassword, [role], "+13125550100");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return (email, (await users.FindByEmailAsync(email))!.Id);
    }
}
