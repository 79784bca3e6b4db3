using Hotline.Web.Infrastructure;

namespace Hotline.Web.Referrals.Hsds;

/// <summary>
/// <c>agencies export FILE</c> and <c>agencies import FILE [--check]</c>: the directory in HSDS 3.0 from the command
/// line. A bad file prints every error with its JSONPath and exits non-zero (through <see cref="ConfigurationException"/>,
/// like every operator-fixable problem), having changed nothing.
/// </summary>
public static class AgencyDirectoryCommands
{
    private const string Usage = "usage: agencies export FILE | agencies import FILE [--check]";
    private const string Actor = "command-line";

    public static async Task RunAsync(IServiceProvider services, string[] rest)
    {
        if (rest.Length < 2 || rest[0] is not ("export" or "import")) throw new ConfigurationException(Usage);
        var file = rest[1];
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<AgencyDirectoryHsds>();
        if (rest[0] == "export")
        {
            await File.WriteAllBytesAsync(file, await directory.ExportAsync(Actor, CancellationToken.None));
            Console.WriteLine($"Agency directory exported as HSDS 3.0 to {file}.");
            return;
        }
        if (!File.Exists(file)) throw new ConfigurationException($"agencies import: no file {file}");
        var bytes = await File.ReadAllBytesAsync(file);
        var result = await directory.ImportAsync(bytes, rest.Contains("--check"), Actor, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new ConfigurationException(
                $"{file}: {result.Errors.Count} error(s), nothing imported:" + Environment.NewLine
                + string.Join(Environment.NewLine, result.Errors));
        }
        foreach (var step in result.Steps) Console.WriteLine($"{step.Action.ToString().ToLowerInvariant()}: {step.Name} ({step.Id})");
        Console.WriteLine($"{file}: {result.Summary}.");
    }
}
