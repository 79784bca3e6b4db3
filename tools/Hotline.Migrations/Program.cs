using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run --project tools/Hotline.Migrations -- MigrationName
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/Hotline.Migrations -- MigrationName");
    return 2;
}
var webProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Hotline.Web"));
var assembly = typeof(HotlineDbContext).Assembly;
using var db = new DesignTimeContextFactory().CreateDbContext([]);
var reporter = new OperationReporter(new OperationReportHandler(
    m => Console.Error.WriteLine(m), m => Console.Error.WriteLine(m), m => Console.WriteLine(m), m => { }));
var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(db);
var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(args[0], "Hotline.Web", "Data.Migrations", "C#");
var files = scaffolder.Save(webProject, migration, Path.Combine(webProject, "Data", "Migrations"));
Console.WriteLine($"Wrote {files.MigrationFile}");
return 0;
