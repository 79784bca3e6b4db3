using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hotline.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL server the tests run against (HOTLINE_TEST_PG, started by ./hotline test).
/// Each test class gets its own database, copied from a template that is migrated once per schema.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("HOTLINE_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "HOTLINE_TEST_PG is not set: run the tests with ./hotline test (it starts a throw-away PostgreSQL).");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await Gate.WaitAsync();
        try
        {
            var template = _template ??= await CreateTemplateAsync();
            // Nobody may be connected to a template while it is copied.
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        }
        finally
        {
            Gate.Release();
        }
        return ConnectionStringFor(name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public static async Task ExecuteAsync(string sql, string? connectionString = null)
    {
        await using var connection = new NpgsqlConnection(connectionString ?? ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Polls a count until it reaches <paramref name="expected"/> or 30 s pass (for work handed off in the background;
    /// CI's 2-core machine is loaded). A count that is there returns at once.</summary>
    public static async Task<long> CountEventuallyAsync(string connectionString, string sql, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long count;
        while ((count = await ScalarAsync<long>(connectionString, sql)) < expected && DateTime.UtcNow < deadline) await Task.Delay(50);
        return count;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var options = new DbContextOptionsBuilder<HotlineDbContext>().UseNpgsql("Host=unused").Options;
        await using var probe = new HotlineDbContext(options, new PersonalDataProtector(new EphemeralDataProtectionProvider()));
        var lastMigration = probe.Database.GetMigrations().Last();
        var template = "tmpl_"
            + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lastMigration)))[
            ..12];

        await using var admin = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await admin.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin))
        {
            exists.Parameters.AddWithValue("n", template);
            if (await exists.ExecuteScalarAsync() is not null) return template;
        }
        var building = template + "_" + Environment.ProcessId;
        await ExecuteAsync($"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE {building}");
        var cs = ConnectionStringFor(building);
        var migrateOptions = new DbContextOptionsBuilder<HotlineDbContext>().UseNpgsql(cs).Options;
        await using (var db = new HotlineDbContext(migrateOptions, new PersonalDataProtector(new EphemeralDataProtectionProvider())))
            await db.Database.MigrateAsync();
        // Install Hangfire's schema once here rather than in every test database.
        _ = new PostgreSqlStorage(new NpgsqlConnectionFactory(cs, new PostgreSqlStorageOptions { SchemaName = "hangfire" }),
            new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
        NpgsqlConnection.ClearAllPools();
        try
        {
            await ExecuteAsync($"ALTER DATABASE {building} RENAME TO {template}");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {building} WITH (FORCE)"); // another test process won
        }
        return template;
    }
}
