namespace Hotline.Simulator;

/// <summary>Where the caller's key presses or texts come from: a script, or a person at the keyboard.</summary>
public interface ICallerInput
{
    /// <summary>The next answer to <paramref name="prompt"/>; "" means silence; null means the caller hangs up.</summary>
    string? Next(string prompt);
}

/// <summary>Answers from a list (--keys 1,2,...); hangs up when the list runs out.</summary>
public sealed class ScriptedInput(IEnumerable<string> answers) : ICallerInput
{
    private readonly Queue<string> _answers = new(answers);
    public string? Next(string prompt) => _answers.TryDequeue(out var a) ? a : null;
}

/// <summary>Reads one line per prompt from the console; end of input hangs up.</summary>
public sealed class KeyboardInput(TextReader input, TextWriter output) : ICallerInput
{
    public string? Next(string prompt)
    {
        output.Write("> ");
        return input.ReadLine()?.Trim();
    }
}
