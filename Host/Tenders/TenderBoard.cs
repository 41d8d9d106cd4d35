using Pipeline.Activities.Procurement.Tenders;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using static Pipeline.Host.Tenders.ProcurementCases;

namespace Pipeline.Host.Tenders;

/// <summary>
/// The tenders in reach (<see cref="TenderView"/>), newest first, from the <c>tender</c> cases and their instances'
/// variables (<see cref="ProcurementCases"/>). Bureau staff: the tenders of their jurisdiction and those it encloses
/// (administrators all), everything the process holds. Institution staff: the tenders published in jurisdictions
/// covering theirs — a tender notice is public and may not be restricted to short-listed institutions (R-YN-2) — with
/// the publicity's outcome but not the scores, the notice's findings or the contract ids.
/// </summary>
public sealed class TenderBoard(ProcurementCases cases, ProfileCatalog profiles, AccountDirectory directory)
{
    /// <summary>The process id of tenders.</summary>
    public const string Process = "tender";

    /// <summary>The element that waits for an objection while the winners are publicised (R-QJ-4).</summary>
    public const string ObjectionEvent = "Event_Objection";

    public async Task<IReadOnlyList<TenderView>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        var jurisdictions = profiles.Names.Where(n => caller.IsAdmin || (caller.IsInstitution ? profiles.Covers(n, caller.Jurisdiction) : profiles.Covers(caller.Jurisdiction, n))).ToList();
        var views = new List<TenderView>();
        foreach (var c in await cases.ListAsync(Process, jurisdictions, cancellationToken))
        {
            var variables = c.Variables;
            var notice = Context(variables.GetValueOrDefault("notice"));
            var publishedOn = Text(variables.GetValueOrDefault("publishedOn"));
            if (caller.IsInstitution && publishedOn is null) continue;
            var method = Text(notice.GetValueOrDefault("method")) ?? TenderMethods.Open;
            views.Add(new TenderView(
                c.Key, c.Jurisdiction, profiles.Contains(c.Jurisdiction) ? profiles.Get(c.Jurisdiction).DisplayName : c.Jurisdiction,
                Text(notice.GetValueOrDefault("title")) ?? c.Key, method, TenderMethods.Names.GetValueOrDefault(method, method),
                List(notice.GetValueOrDefault("occupations")).Select(Text).OfType<string>().ToList(),
                Number(notice.GetValueOrDefault("headcount")) ?? Number(variables.GetValueOrDefault("plannedHeadcount")) ?? 0,
                List(notice.GetValueOrDefault("lots")).OfType<IReadOnlyDictionary<string, object?>>().Select(l => new TenderLotView(
                    Text(l.GetValueOrDefault("name")) ?? "", List(l.GetValueOrDefault("occupations")).Select(Text).OfType<string>().ToList(),
                    Number(l.GetValueOrDefault("headcount")) ?? 0, Number(l.GetValueOrDefault("winners")), Text(l.GetValueOrDefault("area")))).ToList(),
                publishedOn, Text(variables.GetValueOrDefault("bidDeadline")), Text(variables.GetValueOrDefault("publicityEndsAt")),
                c.Status, c.Incident, c.Stage, c.Waiting.Contains(ObjectionEvent),
                variables.GetValueOrDefault("objectionUpheld") as bool?,
                List(variables.GetValueOrDefault("winners")).OfType<IReadOnlyDictionary<string, object?>>().Select(w => new TenderWinnerView(
                    Text(w.GetValueOrDefault("lot")) ?? "", Text(w.GetValueOrDefault("institution")) ?? "", "",
                    Number(w.GetValueOrDefault("rank")) ?? 0, caller.IsInstitution ? null : w.GetValueOrDefault("score") as decimal?,
                    Number(w.GetValueOrDefault("quota")) ?? 0, Text(w.GetValueOrDefault("area")))).ToList(),
                caller.IsInstitution ? [] : List(variables.GetValueOrDefault("contracts"))
                    .Select(x => x is IReadOnlyDictionary<string, object?> recorded ? Text(recorded.GetValueOrDefault("id")) : Text(x)).OfType<string>().ToList(),
                caller.IsInstitution ? [] : Findings(variables.GetValueOrDefault("noticeFindings")),
                c.CreatedAt));
        }
        var names = await directory.OrganisationNamesAsync(views.SelectMany(v => v.Winners.Select(w => w.InstitutionId)), cancellationToken);
        return views.Select(v => v with { Winners = v.Winners.Select(w => w with { InstitutionName = names.GetValueOrDefault(w.InstitutionId) ?? w.InstitutionId }).ToList() }).ToList();
    }
}
