using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hotline.Web.Data;

/// <summary>Stores every DateTimeOffset as UTC, whatever offset the code computed it in.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
