using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;
using Pipeline.Activities.Supervision.FollowUp;

namespace Pipeline.Activities.Supervision.Draws;

/// <summary>The kinds of supervision draw (<see cref="DrawResult.Kind"/>).</summary>
public static class DrawKinds
{
    /// <summary>Classes for the city's spot checks, with an inspection group each (R-QJ-7, R-YN-7).</summary>
    public const string SpotCheck = "spot-check";
    /// <summary>The inspectors of one spot-checked class.</summary>
    public const string SpotCheckInspectors = "spot-check-inspectors";
    /// <summary>Trainees of a class to phone (R-YN-9b).</summary>
    public const string PhoneCheck = "phone-check";
    /// <summary>Trainees to phone after training (R-GL-11).</summary>
    public const string FollowUp = "follow-up";
}

/// <summary>
/// The three supervision draws, each a <see cref="SeededDraw"/> of at least the size the jurisdiction's rule asks for.
/// A caller may draw more (<c>count</c>), never fewer; where the profile sets no size, the caller's argument gives it and
/// its absence is a <see cref="MissingParameterException"/> naming the missing parameter.
/// </summary>
public static class SupervisionDraws
{
    /// <summary>
    /// Spot-check classes, at least ⌈<c>inspection.spotCheckRate</c> % × the year's classes⌉ (QJ 10 %, R-QJ-7), and for
    /// each class drawn a group of <c>inspection.inspectorsPerGroup</c> inspectors (GL 2, R-GL-9) drawn with the seed
    /// <c>{seed}:{class}</c>, so no inspector is drawn twice for one class (双随机, R-YN-7).
    /// </summary>
    /// <param name="classes">Ids of the year's classes.</param>
    /// <param name="inspectors">Ids (names) of the inspectors available.</param>
    /// <param name="rate">Share in percent where the profile sets none (Yunnan), or to raise it.</param>
    /// <param name="groupSize">Inspectors per class where the profile sets no group size; must equal it where it does.</param>
    /// <param name="count">Classes to draw, where more than the least number is wanted.</param>
    /// <exception cref="MissingParameterException">No <c>inspection.spotCheckRate</c> and no rate; no <c>inspection.inspectorsPerGroup</c> and no group size.</exception>
    /// <exception cref="ArgumentException">Fewer inspectors than a group; a count below the least; a group size that contradicts the profile; an empty seed or id, an id twice.</exception>
    public static SpotCheckDraw SpotCheck(JurisdictionProfile profile, string seed, IReadOnlyList<string> classes,
        IReadOnlyList<string> inspectors, decimal? rate = null, int? groupSize = null, int? count = null)
    {
        var share = SampleShare.Resolve(profile, ParameterKeys.SpotCheckRate, rate, "rate");
        var random = profile.FlagRule(ParameterKeys.RandomDraw);
        var (drawn, classDraw) = Draw(DrawKinds.SpotCheck, seed, classes, share.Of(classes.Count), count, [share.Rule, random], share.Basis(classes.Count));

        var (size, sizeRule) = GroupSize(profile, groupSize);
        var available = inspectors.Distinct(StringComparer.Ordinal).Count();
        if (drawn.Count > 0 && available < size)
            throw new ArgumentException($"只有 {available} 名检查人员，每组须 {size} 名 (only {available} inspectors for groups of {size})", nameof(inspectors));
        var basis = $"每组 {size} 名检查人员（{(sizeRule is null ? "inspection.inspectorsPerGroup 未规定，由调用方给出" : $"inspection.inspectorsPerGroup，{sizeRule}")}）";
        var groups = drawn.Select(c => new InspectionGroupDraw(Mask(c),
            Draw(DrawKinds.SpotCheckInspectors, seed + ":" + c, inspectors, size, null, [sizeRule, random], basis).Result)).ToList();
        return new SpotCheckDraw(classDraw, groups);
    }

    /// <summary>Trainees of a class to phone: at least <c>inspection.phoneCheckMin</c> (YN 5, R-YN-9b), all of a smaller class.</summary>
    /// <param name="trainees">Ids of the class's trainees (roster ids; identity numbers are accepted and shown masked).</param>
    /// <param name="count">Trainees to draw where the profile sets no least number, or to draw more.</param>
    /// <exception cref="MissingParameterException">No <c>inspection.phoneCheckMin</c> and no count.</exception>
    /// <exception cref="ArgumentException">A count below the least; an empty seed or id, an id twice.</exception>
    public static DrawResult PhoneCheck(JurisdictionProfile profile, string seed, IReadOnlyList<string> trainees, int? count = null)
    {
        var least = profile.RuleNumber(ParameterKeys.PhoneCheckMin);
        if (least is null && count is null)
            throw new MissingParameterException(profile, ParameterKeys.PhoneCheckMin, "count", ParameterUnits.Persons);
        var required = least is null ? count!.Value : (int)least.Value;
        var basis = least is null ? $"抽查 {required} 人（inspection.phoneCheckMin 未规定，由调用方给出）" : $"每班次抽查人数不少于 {required} 人（inspection.phoneCheckMin，{least.Rule}）";
        if (trainees.Count < required) basis += $"；本班只有 {trainees.Count} 人，全部抽取";
        return Draw(DrawKinds.PhoneCheck, seed, trainees, required, count, [least?.Rule], basis).Result;
    }

    /// <summary>
    /// Trainees to phone after training: at least ⌈<c>followUp.rate</c> % × trainees⌉ (GL 10 %), or
    /// <c>followUp.rateWorkBased</c> % for 以工代训 classes (GL 30 %; R-GL-11).
    /// </summary>
    /// <param name="workBased">The class is 以工代训 (work-based training).</param>
    /// <param name="rate">Share in percent where the profile sets none (Jiaozuo), or to raise it.</param>
    /// <param name="count">Trainees to draw, where more than the least number is wanted.</param>
    /// <exception cref="MissingParameterException">The profile sets no such share and no rate is given.</exception>
    /// <exception cref="ArgumentException">A rate or count below the profile's; an empty seed or id, an id twice.</exception>
    public static DrawResult FollowUp(JurisdictionProfile profile, string seed, IReadOnlyList<string> trainees, bool workBased,
        decimal? rate = null, int? count = null)
    {
        var share = FollowUpSchedule.Share(profile, workBased, rate);
        return Draw(DrawKinds.FollowUp, seed, trainees, share.Of(trainees.Count), count, [share.Rule], share.Basis(trainees.Count)).Result;
    }

    private static (IReadOnlyList<string> Drawn, DrawResult Result) Draw(string kind, string seed, IReadOnlyList<string> candidates,
        int required, int? count, string?[] rules, string basis)
    {
        if (count is { } wanted && wanted < Math.Min(required, candidates.Count))
            throw new ArgumentOutOfRangeException(nameof(count), wanted, $"抽取 {wanted} 个少于规定的 {required} 个 (count is below the {required} required)");
        var drawn = SeededDraw.Take(seed, candidates, Math.Max(required, count ?? 0));
        return (drawn, new DrawResult(kind, seed, candidates.Count, required, drawn.Select(Mask).ToList(),
            rules.OfType<string>().Distinct(StringComparer.Ordinal).ToList(), basis));
    }

    /// <summary>Inspectors per group: the profile's, else the caller's; with the profile's rule id (null for the caller's).</summary>
    private static (int Size, string? Rule) GroupSize(JurisdictionProfile profile, int? argument)
    {
        var set = profile.RuleNumber(ParameterKeys.InspectorsPerGroup);
        if (set is not null)
            return argument is null || argument == set.Value ? ((int)set.Value, set.Rule)
                : throw new ArgumentOutOfRangeException("groupSize", argument, $"{set.Rule} 规定每组 {set.Value:0} 名检查人员 (the profile sets groups of {set.Value:0})");
        if (argument is not { } size) throw new MissingParameterException(profile, ParameterKeys.InspectorsPerGroup, "groupSize", ParameterUnits.Persons);
        return size >= 1 ? (size, null) : throw new ArgumentOutOfRangeException("groupSize", size, "每组至少 1 名检查人员 (groupSize must be at least 1)");
    }

    private static string Mask(string id) => SensitiveText.Mask(id);
}
