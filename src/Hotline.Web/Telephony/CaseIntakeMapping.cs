using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Core.Pathway;
using Hotline.Web.Data;
using Hotline.Web.Referrals;

namespace Hotline.Web.Telephony;

/// <summary>
/// Copies what the caller answered onto the case, where the board sorts and warns by it. Pure: a unit test
/// reaches it without I/O.
/// </summary>
public static class CaseIntakeMapping
{
    public static void Apply(Case @case, string field, string value)
    {
        switch (field)
        {
            case IntakeFields.Language: @case.Language = value; break;
            case IntakeFields.SafeToTalk: @case.SafeToTalk = YesNo(value); break;
            case IntakeFields.ImminentDanger: @case.ImminentDanger = YesNo(value); break;
            case IntakeFields.ChildInvolved: @case.ChildInvolved = YesNo(value); break;
            case IntakeFields.Need: @case.Need = value; break;
            case IntakeFields.CallbackAllowed: @case.CallbackAllowed = YesNo(value); break;
            case IntakeFields.CallbackWindow: @case.CallbackWindow = value; break;
            case IntakeFields.VoicemailAllowed: @case.VoicemailAllowed = YesNo(value); break;
        }
        @case.Urgency = UrgencyOf(@case);
    }

    /// <summary>"Not sure" is kept as unknown (null), never as a no: unknown danger is treated with care.</summary>
    private static bool? YesNo(string value) => value switch
    {
        IntakeFields.Yes => true,
        IntakeFields.No => false,
        _ => null,
    };

    /// <summary>Urgency only ever rises from intake answers; an operator may lower it deliberately.</summary>
    private static Urgency UrgencyOf(Case @case)
    {
        var computed = PathwayPolicy.UrgencyFor(@case.ToProfile());
        return computed < @case.Urgency ? computed : @case.Urgency;
    }
}
