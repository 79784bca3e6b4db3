using Hotline.Core.Flows;
using Hotline.Core.Tests.Pathway;

namespace Hotline.Core.Tests.Flows;

/// <summary>Shared access to the shipped flow files and fixed instants in their time zones.</summary>
internal static class FlowFixtures
{
    private static readonly Lazy<Flow> NationalFlow = new(() => FlowLoader.LoadFile(RepositoryFiles.Flow("national.yaml")));
    private static readonly Lazy<Flow> UkFlow = new(() => FlowLoader.LoadFile(RepositoryFiles.Flow("uk.yaml")));

    public static string FlowsDirectory => RepositoryFiles.FlowsDirectory;
    public static Flow National => NationalFlow.Value;
    public static Flow Uk => UkFlow.Value;

    // Wednesday 25 Nov 2026, Chicago is UTC-6.
    public static readonly DateTimeOffset ChicagoNoon = new(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(-6));
    public static readonly DateTimeOffset ChicagoNight = new(2026, 11, 25, 3, 0, 0, TimeSpan.FromHours(-6));
    // Thursday 26 Nov 2026 is a holiday in national.yaml.
    public static readonly DateTimeOffset ChicagoHolidayNoon = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(-6));

    // Wednesday 25 Nov 2026, London is UTC+0.
    public static readonly DateTimeOffset LondonNoon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LondonNight = new(2026, 11, 25, 22, 30, 0, TimeSpan.Zero);

    public static CallerInput Press(string digits) => new(digits, null);
    public static CallerInput Say(string text) => new(null, text);

    /// <summary>Starts a call and presses the given keys in order, asserting each is accepted.</summary>
    public static IntakeStep Walk(Flow flow, DateTimeOffset now, params string[] keys)
    {
        var engine = new IntakeEngine(flow);
        var step = engine.Start(now);
        foreach (var key in keys)
        {
            step = engine.Answer(step.State, Press(key), now);
            Assert.True(step.InputAccepted, $"key {key} was not accepted at {step.State.NodeId}");
        }
        return step;
    }
}
