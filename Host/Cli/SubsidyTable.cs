using System.Globalization;
using System.Text;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Subsidy;

namespace Pipeline.Host.Cli;

/// <summary>A subsidy computation as a short table for the terminal: amount, headcount, days, rate, advance, findings.</summary>
public static class SubsidyTable
{
    public static string Render(JurisdictionProfile profile, ClassSettlement settlement, SubsidyComputation c)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Invariant($"subsidy  profile {profile.Name} ({profile.DisplayName}), {settlement.TrainingMode} ({TrainingModes.NameOf(settlement.TrainingMode)}), {settlement.Trainees.Count} trainees"));
        sb.AppendLine(Invariant($"  amount        补贴金额  {(c.Amount is { } amount ? $"{amount:#,0.00} yuan" : "— (not configured 未配置)")}"));
        sb.AppendLine(Invariant($"  headcount     补贴人数  {c.SubsidisedHeadcount:0.####} persons ({c.EligibleTrainees.Count} eligible)"));
        sb.AppendLine(Invariant($"  days          培训天数  {c.CreditedDays:0.##} days (of {settlement.TrainingDays:0.##})"));
        sb.AppendLine(Invariant($"  daily rate    补贴标准  {(c.DailyRate is { } rate ? $"{rate:#,0.00} yuan per trainee per day" : "—")}"));
        sb.AppendLine(Invariant($"  advance       先行拨付  {(c.Advance is { } advance ? $"{advance:#,0.00} yuan" : "—")}"));
        sb.AppendLine();
        if (c.Findings.Count == 0)
        {
            sb.AppendLine("  no findings");
        }
        else
        {
            sb.AppendLine("  findings");
            foreach (var f in c.Findings) sb.AppendLine($"  {f.Rule,-8} {f.Message}");
        }
        return sb.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
