using Microsoft.EntityFrameworkCore;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Accounts;
using Pipeline.Host.Tracker;
using Pipeline.Workflows.Calendar;

namespace Pipeline.Host.Statistics;

/// <summary>A class case as the employment statistics read it: the case, and the variables of its child instances (JSON), where the follow-up keeps its records.</summary>
public sealed record EmploymentCase(StatisticsCase Case, IReadOnlyList<string> ChildVariablesJson);

/// <summary>
/// Reads the class cases the statistics count: those of a jurisdiction and of the jurisdictions it encloses (a province
/// includes its prefectures), filed before a day, with their institution's name (the id where the name is unknown).
/// </summary>
public sealed class StatisticsCases(ProfileCatalog profiles, IDbContextFactory<TrackerDbContext> contexts, IServiceScopeFactory scopes)
{
    /// <summary>Class cases of <paramref name="jurisdiction"/> filed before <paramref name="before"/> (China time, exclusive).</summary>
    public async Task<IReadOnlyList<StatisticsCase>> LoadAsync(string jurisdiction, DateOnly before, CancellationToken cancellationToken) =>
        (await LoadWithChildrenAsync(jurisdiction, before, children: false, cancellationToken)).Select(c => c.Case).ToList();

    /// <summary>As <see cref="LoadAsync"/>, with the variables of each case's child instances.</summary>
    public Task<IReadOnlyList<EmploymentCase>> LoadWithChildrenAsync(string jurisdiction, DateOnly before, CancellationToken cancellationToken) =>
        LoadWithChildrenAsync(jurisdiction, before, children: true, cancellationToken);

    private async Task<IReadOnlyList<EmploymentCase>> LoadWithChildrenAsync(string jurisdiction, DateOnly before, bool children, CancellationToken cancellationToken)
    {
        var jurisdictions = profiles.Names.Where(n => profiles.Covers(jurisdiction, n)).ToList();
        var until = new DateTimeOffset(before.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from c in db.Cases
                          where c.ClassData != null && c.Jurisdiction != null && jurisdictions.Contains(c.Jurisdiction) && c.CreatedAt < until
                          join i in db.Instances on c.InstanceId equals i.Id
                          select new { c.BusinessKey, c.InstanceId, c.InstitutionId, c.ClassData, i.VariablesJson }).ToListAsync(cancellationToken);
        var childVariables = new Dictionary<Guid, List<string>>();
        if (children && rows.Count > 0)
        {
            var parents = rows.Select(r => r.InstanceId).ToList();
            foreach (var child in await db.Instances.Where(i => i.ParentInstanceId != null && parents.Contains(i.ParentInstanceId.Value))
                         .Select(i => new { Parent = i.ParentInstanceId!.Value, i.VariablesJson }).ToListAsync(cancellationToken))
            {
                if (!childVariables.TryGetValue(child.Parent, out var list)) childVariables[child.Parent] = list = [];
                list.Add(child.VariablesJson);
            }
        }
        await using var scope = scopes.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<AccountDirectory>().OrganisationNamesAsync(rows.Select(r => r.InstitutionId), cancellationToken);
        return rows.Select(r => new EmploymentCase(
            new StatisticsCase(r.BusinessKey, r.InstitutionId is { } id ? names.GetValueOrDefault(id) ?? id : null, r.ClassData, r.VariablesJson),
            childVariables.GetValueOrDefault(r.InstanceId) ?? [])).ToList();
    }
}
