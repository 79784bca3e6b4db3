using Microsoft.AspNetCore.DataProtection;

namespace Hotline.Web.Data;

/// <summary>
/// Encrypts personal data (caller numbers, narratives, notes) before it reaches PostgreSQL, with the
/// ASP.NET Core Data Protection key ring (keys persisted in PostgreSQL, shared by all nodes).
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider)
{
    // Created on first use: building the protector may read the key ring, which lives in the database.
    private readonly Lazy<IDataProtector> _protector = new(() => provider.CreateProtector("Hotline.PersonalData.v1"));

    public string Protect(string plain) => _protector.Value.Protect(plain);

    public string Unprotect(string cipher) => _protector.Value.Unprotect(cipher);
}
