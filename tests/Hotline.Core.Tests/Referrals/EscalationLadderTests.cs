using Hotline.Core.Referrals;
using static Hotline.Core.Tests.Referrals.Listings;

namespace Hotline.Core.Tests.Referrals;

public class EscalationLadderTests
{
    private static readonly AgencyListing First = Agency("first");
    private static readonly AgencyListing Second = Agency("second");

    [Fact]
    public void Next_NothingTried_FirstRanked()
    {
        Assert.Same(First, EscalationLadder.Next([First, Second], []));
    }

    [Fact]
    public void Next_FirstTried_SecondRanked()
    {
        Assert.Same(Second, EscalationLadder.Next([First, Second], [First.Id]));
    }

    [Fact]
    public void Next_AllTried_NullMeansSupervisor()
    {
        Assert.Null(EscalationLadder.Next([First, Second], [Second.Id, First.Id]));
    }

    [Fact]
    public void Next_NoAgencies_NullMeansSupervisor()
    {
        Assert.Null(EscalationLadder.Next([], []));
    }
}
