using Hotline.Web.Operators;
using Hotline.Web.Public;

namespace Hotline.Web.Tests.PublicPages;

public class TipSignsTests
{
    [Fact]
    public void EverySign_RecordsAScreeningIndicatorOfTheClassificationForm()
    {
        var indicators = Screening.Indicators.Select(i => i.Key).ToHashSet();
        Assert.All(TipSigns.Keys, sign => Assert.Contains(TipSigns.Indicator[sign], indicators));
        Assert.Equal(TipSigns.Keys.Count, TipSigns.Indicator.Values.Distinct().Count());
    }

    [Fact]
    public void MinorInCommercialSex_CountsAsAChildInvolved_EvenWhenTheChildQuestionSaysNo()
    {
        var tip = new TipForm { What = "x", Child = "no", Signs = [TipSigns.MinorInCommercialSex] };
        Assert.True(tip.ChildInvolved);
        Assert.Null(new TipForm { What = "x", Child = "not_sure" }.ChildInvolved);
        Assert.False(new TipForm { What = "x", Child = "no" }.ChildInvolved);
    }
}
