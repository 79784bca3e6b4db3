using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Conversations;
using Hotline.Web.Telephony;

namespace Hotline.Web.Tests.Telephony;

/// <summary>The pure parts of telephony: no database, no HTTP.</summary>
public class TelephonyUnitTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("unsure", null)]
    public void Apply_ImminentDangerAnswer_SetsFlagKeepingNotSureUnknown(string value, bool? expected)
    {
        var @case = new Case();
        CaseIntakeMapping.Apply(@case, IntakeFields.ImminentDanger, value);
        Assert.Equal(expected, @case.ImminentDanger);
    }

    [Fact]
    public void Apply_DangerThenChild_UrgencyStaysAtTheHighest()
    {
        var @case = new Case();
        CaseIntakeMapping.Apply(@case, IntakeFields.ImminentDanger, "yes");
        CaseIntakeMapping.Apply(@case, IntakeFields.ChildInvolved, "yes");
        Assert.Equal(Urgency.Crisis, @case.Urgency);
    }

    [Fact]
    public void Apply_ChildOnly_IsHigh()
    {
        var @case = new Case();
        CaseIntakeMapping.Apply(@case, IntakeFields.ChildInvolved, "yes");
        Assert.Equal(Urgency.High, @case.Urgency);
    }

    [Theory]
    [InlineData(null, "ringing", true)]
    [InlineData("ringing", "in-progress", true)]
    [InlineData("in-progress", "completed", true)]
    [InlineData("completed", "ringing", false)]
    [InlineData("completed", "completed", false)]
    [InlineData("ringing", "bogus", false)]
    public void MovesForward_StatusPairs_OnlyForward(string? current, string incoming, bool expected) =>
        Assert.Equal(expected, CallStatuses.MovesForward(current, incoming));

    [Fact]
    public void Render_Prompt_ListsNumberedOptions()
    {
        var reply = new IntakeReply(
            "en", ["Hello."],
            new PromptSpec("n", "Safe to talk?", InputMode.Dtmf, 1, 6, [new MenuOption("1", "Yes"), new MenuOption("2", "No")]), null);
        Assert.Equal("Hello.\n\nSafe to talk?\n1 - Yes\n2 - No", TextMenus.Render(reply));
    }

    [Theory]
    [InlineData("+266696687")]
    [InlineData("anonymous")]
    [InlineData("")]
    [InlineData("555.010.0000")]
    public void Hash_WithheldOrNotANumber_IsNull(string from) =>
        Assert.Null(new CallerHasher(new byte[32]).Hash(from));

    [Fact]
    public void Hash_SameNumberDifferentFormat_SameHash_DifferentKey_DifferentHash()
    {
        var a = new CallerHasher(new byte[32]);
        var b = new CallerHasher(Enumerable.Repeat((byte)7, 32).ToArray());
        Assert.Equal(a.Hash("+1 555 010 0000"), a.Hash("+15550100000"));
        Assert.NotEqual(a.Hash("+15550100000"), b.Hash("+15550100000"));
        Assert.DoesNotContain("5550100000", a.Hash("+15550100000"));
    }
}
