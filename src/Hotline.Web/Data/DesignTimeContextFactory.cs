using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hotline.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without configuration or a database.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<HotlineDbContext>
{
    public HotlineDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HotlineDbContext>().UseNpgsql("Host=localhost;Database=design").Options;
        return new HotlineDbContext(options, new PersonalDataProtector(new EphemeralDataProtectionProvider()));
    }
}
