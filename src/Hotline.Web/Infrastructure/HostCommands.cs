using Hotline.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Commands run with the service's own configuration instead of serving:
/// <c>migrate</c>, <c>add-user EMAIL ROLE [DISPLAY NAME]</c> (password from HOTLINE_NEW_USER_PASSWORD or generated) and
/// <c>agencies export|import FILE</c> (the directory in HSDS 3.0).
/// </summary>
public static class HostCommands
{
    public static bool IsOperatorFixable(Exception e) =>
        e is ConfigurationException or Core.Yaml.YamlFileException;

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
        switch (command)
        {
            case "migrate":
                await DatabaseMigrator.MigrateAsync(app.Services);
                Console.WriteLine("Database migrated.");
                return true;
            case "agencies":
                await Referrals.Hsds.AgencyDirectoryCommands.RunAsync(app.Services, args.SkipWhile(a => a != "agencies").Skip(1).ToArray());
                return true;
            case "add-user":
                await AddUserAsync(app, args.SkipWhile(a => a != "add-user").Skip(1).ToArray());
                return true;
            default:
                return false;
        }
    }

    private static async Task AddUserAsync(WebApplication app, string[] rest)
    {
        if (rest.Length < 2 || !Roles.All.Contains(rest[1]))
            throw new ConfigurationException($"usage: add-user EMAIL ROLE [DISPLAY NAME]  (ROLE is one of {string.Join(", ", Roles.All)})");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HotlineUser>>();
        var password = Environment.GetEnvironmentVariable("HOTLINE_NEW_USER_PASSWORD");
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = "Hl-" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)) + "9!";
        var name = rest.Length > 2 ? string.Join(' ', rest[2..]) : rest[0];
        var result = await UserAccounts.CreateAsync(users, rest[0], name, password!, [rest[1]]);
        if (!result.Succeeded)
        {
            throw new ConfigurationException(
                "add-user failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        Console.WriteLine(
            generated ? $"User {rest[0]} ({rest[1]}) created with password: {password}" : $"User {rest[0]} ({rest[1]}) created.");
    }
}
