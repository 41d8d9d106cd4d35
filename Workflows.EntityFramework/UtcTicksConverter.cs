using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>
/// SQLite only: a <see cref="DateTimeOffset"/> stored as its UTC ticks (INTEGER), so comparisons and ORDER BY work
/// (SQLite cannot order the text form); read back with offset zero.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
