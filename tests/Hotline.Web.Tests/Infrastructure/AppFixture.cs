namespace Hotline.Web.Tests.Infrastructure;

/// <summary>Class fixture: one database, one Twilio mock and one running app per test class.</summary>
public class AppFixture : IAsyncLifetime
{
    public HotlineApp App { get; private set; } = null!;
    public TwilioApiMock Twilio { get; } = new();
    public string ConnectionString { get; private set; } = "";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Seams a test class needs (a failing job client, a crash at a chosen write); none by default.</summary>
    protected virtual void ConfigureTestServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        App = new HotlineApp(ConnectionString, Twilio, Settings, ConfigureTestServices);
        _ = App.Server; // start the host: migrations, first admin, seeders
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Twilio.Dispose();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
