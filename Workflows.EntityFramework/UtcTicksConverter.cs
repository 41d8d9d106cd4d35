using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>
/// SQLite only: a <see cref="DateTimeOffset"/> stored as its UTC ticks (INTEGER), so comparisons and ORDER BY work
/// (SQLite cannot order the text form); read back with offset zero.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero))
{
    /// <summary>Stores every <see cref="DateTimeOffset"/> of the model as UTC ticks when <paramref name="database"/> is SQLite (call from <c>ConfigureConventions</c>).</summary>
    public static void ApplyOnSqlite(ModelConfigurationBuilder conventions, DatabaseFacade database)
    {
        if (!database.IsSqlite()) return;
        conventions.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        conventions.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
