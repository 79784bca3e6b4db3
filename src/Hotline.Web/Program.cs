using Hotline.Web;
using Hotline.Web.Infrastructure;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddHotline();
    var app = builder.Build();
    app.UseHotline();

    if (await HostCommands.TryRunAsync(app, args)) return 0;
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (HostCommands.IsOperatorFixable(e))
{
    // One clear line (or a list of flow errors), never a stack trace, for a setting or file an operator must fix.
    Console.Error.WriteLine(e.Message);
    return 2;
}

public partial class Program;
