namespace Hotline.Web.Tests.Infrastructure;

/// <summary>Class fixture: one database, one Twilio mock and one running app per test class.</summary>
public class AppFixture : IAsyncLifetime
{
    public HotlineApp App { get; private set; } = null!;
    public TwilioApiMock Twilio { get; } = new();
    public string ConnectionString { get; private set; } = "";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        App = new HotlineApp(ConnectionString, Twilio, Settings);
        _ = App.Server; // start the host: migrations, first admin, seeders
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Twilio.Dispose();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
