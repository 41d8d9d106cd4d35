using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Data;

namespace Pipeline.Host.Forms;

/// <summary>
/// The deployed task forms (<c>host_forms</c>), versioned like process definitions: deploying a schema whose bytes
/// differ from the latest version of its id makes the next version; the same bytes keep the version. Kept beside the
/// Host's other tables rather than in the engine's definition store: the engine only carries a task's form id, and
/// the Host alone serves and checks forms.
/// </summary>
public sealed class FormStore(IDbContextFactory<HostDbContext> contexts, TimeProvider time)
{
    /// <summary>Deploys <paramref name="schema"/> as <paramref name="by"/>; <c>Created</c> is false when it equals the latest version.</summary>
    public async Task<(FormVersion Version, bool Created)> DeployAsync(FormSchema schema, string json, string by, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var latest = await db.Forms.AsNoTracking().Where(f => f.FormId == schema.Id).OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);
            if (latest?.Sha256 == sha) return (FormVersion.Of(latest), false);
            var row = new FormRow
            {
                FormId = schema.Id, Version = (latest?.Version ?? 0) + 1, Sha256 = sha, Name = schema.Name, SchemaJson = json,
                DeployedAt = time.GetUtcNow(), DeployedBy = by,
            };
            db.Forms.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (FormVersion.Of(row), true);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another node deployed a version of this form meanwhile: read the latest again.
            }
        }
    }

    /// <summary>Every form's latest version (without the schema) and how many versions it has, by id.</summary>
    public async Task<IReadOnlyList<(FormVersion Latest, int Versions)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Forms.AsNoTracking()
            .Select(f => new FormRow { FormId = f.FormId, Version = f.Version, Sha256 = f.Sha256, Name = f.Name, SchemaJson = "", DeployedAt = f.DeployedAt, DeployedBy = f.DeployedBy })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.FormId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (FormVersion.Of(g.MaxBy(r => r.Version)!), g.Count())).ToList();
    }

    /// <summary>One version of a form with its schema (the latest when <paramref name="version"/> is null), or null.</summary>
    public async Task<(FormVersion Version, string Json)?> GetAsync(string formId, int? version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Forms.AsNoTracking().Where(f => f.FormId == formId);
        var row = version is { } v ? await query.FirstOrDefaultAsync(f => f.Version == v, cancellationToken)
            : await query.OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (FormVersion.Of(row), row.SchemaJson);
    }

    /// <summary>The latest version of a form, parsed, or null when none is deployed.</summary>
    public async Task<FormSchema?> LatestSchemaAsync(string formId, CancellationToken cancellationToken) =>
        await GetAsync(formId, null, cancellationToken) is { } found ? FormSchema.Parse(found.Json) : null;
}

/// <summary>One deployed version of a form.</summary>
/// <param name="DeployedBy">Who deployed it: a user id in the store, the display name in API answers; <c>system</c> at start-up.</param>
public sealed record FormVersion(string FormId, int Version, string Name, string Sha256, DateTimeOffset DeployedAt, string DeployedBy)
{
    public static FormVersion Of(FormRow row) => new(row.FormId, row.Version, row.Name, row.Sha256, row.DeployedAt, row.DeployedBy);
}
