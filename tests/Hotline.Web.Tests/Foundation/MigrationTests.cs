using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Foundation;

public class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesEverySchemaObject()
    {
        var cs = TestPostgres.ConnectionStringFor("t_empty_" + Guid.NewGuid().ToString("N")[..10]);
        var twilio = new TwilioApiMock();
        // Migrations on start-up create the database itself (as on a fresh local cluster).
        await using (var app = new HotlineApp(cs, twilio))
        {
            _ = app.Server;
            var pending = await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
            Assert.Empty(pending);
            foreach (var table in new[]
                { "cases", "contacts", "intake_answers", "case_notes", "agencies", "referrals", "audit_entries", "notifications",
                    "AspNetUsers", "data_protection_keys" })
            {
                var exists = await TestPostgres.ScalarAsync<bool>(cs, $"SELECT to_regclass('public.\"{table}\"') IS NOT NULL");
                Assert.True(exists, $"table {table} missing");
            }
            Assert.True(
                await TestPostgres.ScalarAsync<bool>(cs, "SELECT to_regclass('hangfire.job') IS NOT NULL"), "Hangfire schema missing");
        }
        twilio.Dispose();
        await TestPostgres.DropDatabaseAsync(cs);
    }

    [Fact]
    public async Task Migrate_TwoNodesAtOnce_BothSucceed()
    {
        var cs = TestPostgres.ConnectionStringFor("t_race_" + Guid.NewGuid().ToString("N")[..10]);
        using var twilio = new TwilioApiMock();
        await using var first = new HotlineApp(cs, twilio);
        await using var second = new HotlineApp(cs, twilio);
        await Task.WhenAll(Task.Run(() => _ = first.Server), Task.Run(() => _ = second.Server));
        var applied = await first.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).Count());
        var known = await first.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Count()));
        Assert.Equal(known, applied);
        await first.DisposeAsync();
        await second.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(cs);
    }
}
