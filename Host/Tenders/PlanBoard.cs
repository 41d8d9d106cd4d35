using Pipeline.Activities.Profiles;
using Pipeline.Host.Authentication;
using static Pipeline.Host.Tenders.ProcurementCases;

namespace Pipeline.Host.Tenders;

/// <summary>An annual training plan (年度培训计划, process <c>annual-plan</c>) as the tenders page lists it.</summary>
/// <param name="PlannedHeadcount">The plan's trainees in all, persons; null until drafted.</param>
/// <param name="Occupations">The plan's occupations, in order.</param>
/// <param name="Findings">What <c>plan.check</c> found (rule, message; R-YN-3).</param>
/// <param name="InForce">Approved and in force for its year (it waits for an adjustment or the year's end; its stage reads 计划执行中): a tender may follow it.</param>
public sealed record PlanView(
    string Key, string Jurisdiction, string JurisdictionName, int? PlanYear, string? County, int? PlannedHeadcount, IReadOnlyList<string> Occupations,
    string Status, bool Incident, IReadOnlyList<string> Stage, IReadOnlyList<TenderFinding> Findings, bool InForce, DateTimeOffset CreatedAt);

/// <summary>
/// The annual plans of the bureau staff's reach (administrators all), newest first: a plan is the bureau's own and
/// precedes the tender (YN §四, R-YN-2), so institutions see none.
/// </summary>
public sealed class PlanBoard(ProcurementCases cases, ProfileCatalog profiles)
{
    /// <summary>The process id of annual plans.</summary>
    public const string Process = "annual-plan";

    /// <summary>The element an approved plan waits at for an adjustment while in force.</summary>
    public const string InForceEvent = "Event_Adjustment";

    public async Task<IReadOnlyList<PlanView>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.IsInstitution) return [];
        var jurisdictions = profiles.Names.Where(n => caller.IsAdmin || profiles.Covers(caller.Jurisdiction, n)).ToList();
        return (await cases.ListAsync(Process, jurisdictions, cancellationToken)).Select(c =>
        {
            var plan = Context(c.Variables.GetValueOrDefault("plan"));
            var inForce = c.Waiting.Contains(InForceEvent);
            return new PlanView(
                c.Key, c.Jurisdiction, profiles.Contains(c.Jurisdiction) ? profiles.Get(c.Jurisdiction).DisplayName : c.Jurisdiction,
                Number(c.Variables.GetValueOrDefault("planYear")) ?? Number(plan.GetValueOrDefault("year")), Text(plan.GetValueOrDefault("county")),
                Number(c.Variables.GetValueOrDefault("plannedHeadcount")),
                List(plan.GetValueOrDefault("items")).OfType<IReadOnlyDictionary<string, object?>>().Select(i => Text(i.GetValueOrDefault("occupation"))).OfType<string>().Distinct().ToList(),
                c.Status, c.Incident, inForce ? ["计划执行中"] : c.Stage, Findings(c.Variables.GetValueOrDefault("planFindings")), inForce, c.CreatedAt);
        }).ToList();
    }
}
