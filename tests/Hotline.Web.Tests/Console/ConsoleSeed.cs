using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Console;

/// <summary>
/// Puts callers and users in the database the way telephony and the admin page would.
/// (integrator: swap QueuedCallerAsync for a simulated call once Telephony/ is merged.)
/// </summary>
public static class ConsoleSeed
{
    public const string OperatorPassword = "Operator-Password-123!";

    public static async Task<(Guid CaseId, Guid ContactId, string Reference, string CallSid)> QueuedCallerAsync(
        HotlineApp app, bool imminentDanger = false, bool child = false, string callerHash = "hash-of-a-test-caller",
            TimeSpan? waiting = null)
    {
        var now = app.Clock.GetUtcNow();
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        var @case = new Case
        {
            Id = Guid.NewGuid(), Reference = CaseReferences.New(now), Status = CaseStatus.AwaitingTriage,
            Urgency = imminentDanger ? Urgency.Crisis : Urgency.Normal, FirstChannel = Channel.Voice, FlowId = "national", Language = "es",
            CallerNumber = "+15557654321", CallerHash = callerHash, SafeToTalk = true, ImminentDanger = imminentDanger,
                ChildInvolved = child,
            CallbackAllowed = true, CallbackWindow = "evenings", VoicemailAllowed = false,
            SafeContactInstructions = "Only call after 7 pm; if a man answers, say wrong number.",
            CreatedAt = now - (waiting ?? TimeSpan.FromMinutes(3)) - TimeSpan.FromMinutes(2), UpdatedAt = now,
            TriageDueAt = now + TimeSpan.FromMinutes(imminentDanger ? 5 : 60),
        };
        var contact = new Contact
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, Channel = Channel.Voice, ExternalId = callSid, FlowId = "national", NodeId = "queue",
            Language = "es", State = ContactState.Queued, StartedAt = @case.CreatedAt, LastActivityAt = now,
            EnqueuedAt = now - (waiting ?? TimeSpan.FromMinutes(3)),
        };
        await app.WithDbAsync(async db =>
        {
            db.Cases.Add(@case);
            db.Contacts.Add(contact);
            db.IntakeAnswers.Add(
                new IntakeAnswer
                { CaseId = @case.Id, ContactId = contact.Id, NodeId = "safe_now", Field = "safe_to_talk", Value = "yes", Step = 1,
                    At = @case.CreatedAt });
            await db.SaveChangesAsync();
        });
        return (@case.Id, contact.Id, @case.Reference, callSid);
    }

    public static async Task<string> UserAsync(HotlineApp app, string role, string? phone = "+13125550100")
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}@hotline.test";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HotlineUser>>();
        var result = await UserAccounts.CreateAsync(users, email, role + " Tester", OperatorPassword, [role], phone);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return email;
    }
}
