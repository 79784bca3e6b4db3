using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Hotline.Web.Data;

/// <summary>
/// Prepares the database when nodes start. Everything runs under one PostgreSQL advisory lock, so several
/// nodes starting at once do not race: the first migrates (EF schema, then Hangfire's) and seeds, the others
/// wait and then find nothing to do.
/// </summary>
public static class DatabaseMigrator
{
    // Any constant works; it only has to be the same on every node.
    private const long LockKey = 0x48_4F_54_4C_49_4E_45; // "HOTLINE"

    public static Task MigrateAsync(IServiceProvider services, CancellationToken ct = default) =>
        PrepareAsync(services, _ => Task.CompletedTask, ct);

    /// <summary>Creates the database if needed, then migrates and runs <paramref name="seed"/> under the lock.</summary>
    public static async Task PrepareAsync(IServiceProvider services, Func<CancellationToken, Task> seed, CancellationToken ct = default)
    {
        var connectionString = services.GetRequiredService<Infrastructure.HotlineSettings>().ConnectionString;
        // Before anything touches the DbContext: its encryption key ring lives in this database.
        await EnsureDatabaseExistsAsync(connectionString, ct);

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", lockConnection))
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
                // EF reads its history table before creating it, which logs a (harmless) SQL error on a fresh
                // database; creating it first with EF's own script keeps a first start's log free of alarms.
                var createHistory = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>()
                    .GetCreateIfNotExistsScript();
                await db.Database.ExecuteSqlRawAsync(createHistory, ct);
                await db.Database.MigrateAsync(ct);
            }
            // Hangfire's installer is not safe when two nodes run it at once; the same lock covers it.
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(lockConnection, "hangfire");
            await seed(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Creates the database on a fresh server (a local cluster has only "postgres").</summary>
    private static async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        exists.Parameters.AddWithValue("n", target.Database!);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "")}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another node created it between our check and our create.
        }
    }
}
