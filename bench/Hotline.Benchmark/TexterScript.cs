namespace Hotline.Benchmark;

/// <summary>
/// What one simulated texter sends, in rounds: texts of one round are sent together (a burst: Twilio delivers them
/// without waiting for our answers); a round starts when the previous one is answered. The menu is answered by
/// text, as a person does, so the conversation is waiting for an advocate before the free texts begin.
/// </summary>
public static class TexterScript
{
    /// <summary>English, safe to text, no danger, no child, help, no callback (the national flow).</summary>
    public static readonly string[] MenuAnswers = ["1", "1", "2", "2", "2", "2"];

    public static IReadOnlyList<IReadOnlyList<string>> Rounds(IReadOnlyList<string> answers) =>
    [
        ["hi, I need help. my boss took my passport"], // the first message is often the whole tip
        .. answers.Select(a => (IReadOnlyList<string>)[a]),
        ["we are at the farm on route 9"],
        ["there are 12 of us", "they lock the doors at night", "I am using a friend's phone", "please text only"],
        ["is someone there?"],
        ["we can talk after 8", "ok"],
    ];

    public static int MessagesPerConversation(IReadOnlyList<string> answers) => Rounds(answers).Sum(r => r.Count);
}
