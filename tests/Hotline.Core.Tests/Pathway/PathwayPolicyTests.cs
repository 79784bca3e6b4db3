using Hotline.Core.Cases;
using Hotline.Core.Pathway;
using Hotline.Core.Referrals;

namespace Hotline.Core.Tests.Pathway;

public class PathwayPolicyTests
{
    private static readonly PathwayPolicy National = PathwayPolicy.LoadFile(RepositoryFiles.Flow("pathway.national.yaml"));
    private static readonly PathwayPolicy Uk = PathwayPolicy.LoadFile(RepositoryFiles.Flow("pathway.uk.yaml"));

    [Fact]
    public void Decide_ChildInvolved_MandatoryChildProtectionAndPoliceWithoutConsent()
    {
        var decision = National.Decide(Profiles.Child(consent: false));

        Assert.Equal([AgencyType.ChildProtection, AgencyType.Police], decision.Mandatory.Select(r => r.AgencyType));
        Assert.All(decision.Mandatory, r =>
        {
            Assert.True(r.Mandatory);
            Assert.Equal(ConsentBasis.MandatoryNoConsentNeeded, r.ConsentBasis);
            Assert.Equal(TimeSpan.FromMinutes(15), r.AcknowledgeWithin);
            Assert.Equal("child-mandatory", r.RuleId);
            Assert.Equal([EscalationRung.NextAgencySameType, EscalationRung.OnCallSupervisor], r.Escalation);
        });
        Assert.Contains(
            "Child involved: mandatory referral to child protection; consent not required (rule child-mandatory)", decision.Reasons);
        Assert.Empty(decision.Suggested);
        Assert.Equal(Urgency.High, decision.Urgency);
    }

    [Fact]
    public void Decide_ImminentDangerAdultRefusing_PoliceMandatoryAndSupervisorAlerted()
    {
        var decision = National.Decide(Profiles.Adult(consent: false, imminentDanger: true));

        var police = Assert.Single(decision.Mandatory);
        Assert.Equal(AgencyType.Police, police.AgencyType);
        Assert.Equal(ConsentBasis.MandatoryNoConsentNeeded, police.ConsentBasis);
        Assert.Equal("imminent-danger-police", police.RuleId);
        Assert.True(decision.AlertSupervisorNow);
        Assert.Equal(Urgency.Crisis, decision.Urgency);
        // Imminent danger already tells the police in full; no anonymous notice on top.
        Assert.Empty(decision.Suggested);
    }

    [Fact]
    public void Decide_ChildInImminentDanger_PoliceOnceWithTightestDeadline()
    {
        var profile = Profiles.Child() with { ImminentDanger = true };

        var decision = National.Decide(profile);

        Assert.Single(decision.Mandatory, r => r.AgencyType == AgencyType.Police);
        Assert.Equal(2, decision.Mandatory.Count);
        Assert.True(decision.AlertSupervisorNow);
    }

    [Fact]
    public void Decide_AdultConsentsWithShelterAndMedical_SuggestsShelterAndMedicalConsentedFull()
    {
        var decision = National.Decide(Profiles.Adult(consent: true, needs: ["shelter", "medical"]));

        Assert.Empty(decision.Mandatory);
        Assert.Equal(
            [AgencyType.Shelter, AgencyType.Medical],
            decision.Suggested.Select(r => r.AgencyType).Order());
        Assert.All(decision.Suggested, r =>
        {
            Assert.False(r.Mandatory);
            Assert.Equal(ConsentBasis.Consented, r.ConsentBasis);
            Assert.Equal(DataLevel.Full, r.DataLevel);
        });
        Assert.False(decision.AlertSupervisorNow);
    }

    [Fact]
    public void Decide_NeedWithoutAgencyType_RecordedInReasons()
    {
        var decision = National.Decide(Profiles.Adult(consent: true, needs: ["childcare"]));

        Assert.Empty(decision.Suggested);
        Assert.Contains(decision.Reasons, r => r.Contains("'childcare'", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_AdultRefusesOnNational_OnlyAnonymousNotification()
    {
        var decision = National.Decide(Profiles.Adult(consent: false, needs: ["shelter"]));

        Assert.Empty(decision.Mandatory);
        var notice = Assert.Single(decision.Suggested);
        Assert.Equal(AgencyType.Police, notice.AgencyType);
        Assert.Equal(ConsentBasis.AnonymousOnly, notice.ConsentBasis);
        Assert.Equal(DataLevel.Anonymous, notice.DataLevel);
    }

    [Fact]
    public void Decide_AdultRefusesOnUk_NothingSharedAndReasonGiven()
    {
        var decision = Uk.Decide(Profiles.Adult(consent: false, needs: ["shelter"]));

        Assert.Empty(decision.Mandatory);
        Assert.Empty(decision.Suggested);
        Assert.Contains(decision.Reasons, r => r.Contains("allows no anonymous notification", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_AdultNotAskedYet_NothingShared()
    {
        var decision = National.Decide(Profiles.Adult(consent: null, needs: ["shelter"]));

        Assert.Empty(decision.Mandatory);
        Assert.Empty(decision.Suggested);
        Assert.Contains(decision.Reasons, r => r.StartsWith("Consent to share not recorded yet", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_LabourWithConsent_SuggestsLabourInspectionWithMinimalData()
    {
        var decision = National.Decide(Profiles.Adult(consent: true, type: TraffickingType.Labour, needs: ["legal"]));

        var inspection = Assert.Single(decision.Suggested, r => r.AgencyType == AgencyType.LabourInspection);
        Assert.Equal(ConsentBasis.Consented, inspection.ConsentBasis);
        Assert.Equal(DataLevel.Minimal, inspection.DataLevel);
        Assert.Contains(decision.Suggested, r => r.AgencyType == AgencyType.LegalAid);
    }

    [Fact]
    public void Decide_SexTraffickingWithConsent_NoLabourInspection()
    {
        var decision = National.Decide(Profiles.Adult(consent: true, type: TraffickingType.Sex));

        Assert.DoesNotContain(decision.Suggested, r => r.AgencyType == AgencyType.LabourInspection);
    }

    [Theory]
    [InlineData(Urgency.Crisis, 5)]
    [InlineData(Urgency.High, 60)]
    [InlineData(Urgency.Normal, 24 * 60)]
    [InlineData(Urgency.Low, 72 * 60)]
    public void TriageDeadline_EachUrgency_MatchesPathway(Urgency urgency, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), National.TriageDeadline(urgency));
        Assert.Equal(TimeSpan.FromMinutes(minutes), Uk.TriageDeadline(urgency));
    }

    [Fact]
    public void FollowUpCadence_National_TwoSevenThirtyDays()
    {
        Assert.Equal([TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(30)], National.FollowUpCadence);
    }

    [Fact]
    public void RetentionPeriod_PathwaysDiffer_ReadFromFile()
    {
        Assert.Equal(TimeSpan.FromDays(2555), National.RetentionPeriod);
        Assert.Equal(TimeSpan.FromDays(2190), Uk.RetentionPeriod);
    }

    [Theory]
    [InlineData(false, false, ContactType.Crisis, Urgency.Crisis)]
    [InlineData(false, true, ContactType.Tip, Urgency.Crisis)]
    [InlineData(true, false, ContactType.GeneralInformation, Urgency.High)]
    [InlineData(false, false, ContactType.Tip, Urgency.Normal)]
    [InlineData(false, false, ContactType.RequestForServices, Urgency.Normal)]
    [InlineData(false, false, ContactType.GeneralInformation, Urgency.Low)]
    [InlineData(false, false, ContactType.TrainingTechnicalAssistance, Urgency.Low)]
    public void UrgencyFor_Profile_ExpectedUrgency(bool child, bool danger, ContactType contact, Urgency expected)
    {
        var profile = new CaseProfile(child, danger, contact, TraffickingType.Unknown, null, new HashSet<string>(), null, null);

        Assert.Equal(expected, PathwayPolicy.UrgencyFor(profile));
    }
}
