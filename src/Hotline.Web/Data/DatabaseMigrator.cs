using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hotline.Web.Data;

/// <summary>
/// Applies EF migrations under a PostgreSQL advisory lock, so several nodes starting at once do not race:
/// the first migrates, the others wait and then find nothing to do.
/// </summary>
public static class DatabaseMigrator
{
    // Any constant works; it only has to be the same on every node.
    private const long LockKey = 0x48_4F_54_4C_49_4E_45; // "HOTLINE"

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var connectionString = services.GetRequiredService<Infrastructure.HotlineSettings>().ConnectionString;
        // Before anything touches the DbContext: its encryption key ring lives in this database.
        await EnsureDatabaseExistsAsync(connectionString, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", lockConnection))
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", lockConnection);
            await release.ExecuteNonQueryAsync(ct);
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
