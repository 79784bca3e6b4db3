using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hotline.Web.Data;

/// <summary>EF value converter that stores a string column encrypted.</summary>
public sealed class EncryptedStringConverter(PersonalDataProtector protector)
    : ValueConverter<string, string>(plain => protector.Protect(plain), cipher => protector.Unprotect(cipher));
