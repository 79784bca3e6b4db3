using Npgsql;

namespace Hotline.Web.Data;

/// <summary>
/// Npgsql settings for the many short statements of the webhook path. PostgreSQL shares the machine with
/// the service, so its per-statement work counts: auto-prepare skips parse and plan for the statements every
/// webhook repeats, and skipping the reset on close spares a DISCARD ALL each time a pooled connection is
/// reused (the EF pool never leaves session state behind; the advisory lock uses its own connection).
/// </summary>
public static class WebhookConnectionString
{
    public static string For(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64; // the webhook path writes a few dozen statement shapes
        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
