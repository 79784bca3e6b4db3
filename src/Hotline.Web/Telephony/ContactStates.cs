using System.Text.Json;
using Hotline.Core.Flows;
using Hotline.Web.Data;

namespace Hotline.Web.Telephony;

/// <summary>Moves the intake machine's state in and out of the stored contact row.</summary>
public static class ContactStates
{
    public static IntakeState Of(Contact contact) => new(
        contact.NodeId, contact.Language, contact.Step, contact.InvalidAttempts,
        JsonSerializer.Deserialize<Dictionary<string, string>>(contact.AnswersJson) ?? [],
        NumberWithheld: IsNumberWithheld(contact.Case), Channel: contact.Channel);

    /// <summary>
    /// A case gets a caller hash only when the caller gave a usable number (IntakeRecorder.Begin), so a case
    /// without one is a withheld number: kept as that one fact rather than a second column saying the same.
    /// </summary>
    public static bool IsNumberWithheld(Case @case) => @case.CallerHash is null;

    public static void Store(Contact contact, IntakeState state)
    {
        contact.NodeId = state.NodeId;
        contact.Language = state.Language;
        contact.Step = state.Step;
        contact.InvalidAttempts = state.InvalidAttempts;
        contact.AnswersJson = JsonSerializer.Serialize(state.Answers);
    }

    /// <summary>What the turn log records of an input: the digits, or only the kind of input (never speech or text).</summary>
    public static string Describe(CallerInput input) =>
        input.IsSilence ? "silence"
        : !string.IsNullOrWhiteSpace(input.Digits) ? (input.Digits.Length > 8 ? input.Digits[..8] : input.Digits)
        : "text";
}
