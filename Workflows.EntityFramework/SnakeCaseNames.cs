using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>Column names in snake_case (<c>BusinessKey</c> → <c>business_key</c>), the same on SQLite and PostgreSQL.</summary>
public static class SnakeCaseNames
{
    /// <summary>Renames every column of the model; call last in <c>OnModelCreating</c>.</summary>
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(Convert(property.Name));
    }

    public static string Convert(string name)
    {
        var s = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) s.Append('_');
            s.Append(char.ToLowerInvariant(name[i]));
        }
        return s.ToString();
    }
}
