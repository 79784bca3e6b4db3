using Hotline.Web.Data;
using Hotline.Web.Operators;

namespace Hotline.Web.Tests.Console;

/// <summary>What the case timeline and the audit page say to people: names and words, never raw ids or code names.</summary>
public class TimelineWordsTests
{
    private static readonly Guid Contact = Guid.Parse("3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");

    [Fact]
    public void CallTaken_SaysWhoByNameAndTheCaseMove_NotTheContactId()
    {
        var @case = new Case { Id = Guid.NewGuid(), Reference = "HL-26-TEST01" };
        var taken = new AuditEntry
        {
            At = DateTimeOffset.UnixEpoch, Actor = "user-1", ActorName = "ana@hotline.test", Action = "call.take", CaseId = @case.Id,
            Detail = $"contact {Contact}; case now InProgress",
        };

        var entry = Assert.Single(CaseTimeline.Build(@case, [taken], names: new Dictionary<string, string> { ["user-1"] = "Ana Ruiz" }));

        Assert.Equal("Call taken by Ana Ruiz", entry.Title);
        Assert.Equal("case now In progress", entry.Detail);
    }

    [Theory]
    [InlineData("contact 3f2a9c1e5b7d4e8f9a0b1c2d3e4f5a6b, recording RE0123456789abcdef0123456789abcdef", "the recording")]
    [InlineData("message 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b on Sms", "a message on SMS")]
    [InlineData("contact 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b; closing message sent", "closing message sent")]
    [InlineData("Sent -> Delivered", "Sent → Delivered")]
    public void InText_LeavesRawIdsOutAndSaysCodeInWords(string stored, string said) =>
        Assert.Equal(said, Labels.InText(stored));

    [Theory]
    [InlineData("ana@hotline.test", "Ana Ruiz", " by Ana Ruiz")]
    [InlineData("ana@hotline.test", null, " by ana@hotline.test")]
    [InlineData("system", null, " (automatic)")]
    [InlineData("live call", null, " (live call)")]
    public void By_NamesAPersonAndBracketsAnythingElse(string actorName, string? displayName, string said) =>
        Assert.Equal(said, Labels.By(actorName, displayName));

    [Theory]
    [InlineData("case.view", "Case opened")]
    [InlineData("referral.handedoverbyphone", "Referral handed over by phone")]
    [InlineData("user.edit", "User changed")]
    public void AuditAction_IsWords(string action, string said) => Assert.Equal(said, Labels.AuditAction(action));
}
