using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Supervision;
using Pipeline.Activities.Supervision.Draws;

namespace Pipeline.Activities.Tests.Supervision;

/// <summary>Seeded draws: R-QJ-7 (≥ 10 % of classes), R-YN-7 (双随机), R-GL-9 (groups of 2), R-YN-9b (≥ 5 phoned), R-GL-11 (≥ 10 % / 30 % followed up).</summary>
public class DrawTests
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();
    private static readonly string[] Classes = Enumerable.Range(1, 23).Select(i => $"班-{i:00}").ToArray();
    private static readonly string[] Inspectors = ["李明", "王芳", "赵强", "陈静", "刘洋"];
    private static readonly string[] FortyFive = Enumerable.Range(1, 45).Select(i => $"学员-{i:00}").ToArray();

    [Fact]
    public void SeededDraw_ranks_by_SHA256_of_seed_colon_id_as_any_tool_computes_it()
    {
        // Pinned with Python's hashlib (sha256('QJ-2024:A'.encode())): the same on every machine and .NET version.
        Assert.Equal("3cd030f70dd332a8f0b0d65afb30dad74e1a4b17690c28b7c20bbd89f81ffce5", SeededDraw.Key("QJ-2024", "A"));
        Assert.Equal(["C", "A", "D", "B"], SeededDraw.Order("QJ-2024", ["A", "B", "C", "D"]));
        // The order is that of the digests, whatever order the candidates come in.
        var ids = Enumerable.Range(1, 50).Select(i => $"c{i}").ToList();
        var expected = ids.OrderBy(id => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("s:" + id))), StringComparer.Ordinal).ToList();
        Assert.Equal(expected, SeededDraw.Order("s", Enumerable.Reverse(ids)));
        Assert.Equal(expected.Take(7), SeededDraw.Take("s", ids, 7));
    }

    [Fact]
    public void SeededDraw_refuses_an_empty_seed_and_a_candidate_given_twice()
    {
        Assert.Throws<ArgumentException>(() => SeededDraw.Order(" ", ["a"]));
        Assert.Contains("重复", Assert.Throws<ArgumentException>(() => SeededDraw.Order("s", ["a", "b", "a"])).Message);
    }

    [Fact]
    public void R_QJ_7_SpotCheck_DrawsAtLeastTenPercent_Reproducibly()
    {
        var qujing = Profiles.Get("qujing");
        var draw = SupervisionDraws.SpotCheck(qujing, "曲靖-2024-抽查", Classes, Inspectors, groupSize: 2);

        // ⌈10 % × 23⌉ = 3; the order pinned with Python's hashlib.
        Assert.Equal(["班-05", "班-01", "班-15"], draw.Classes.Chosen);
        Assert.Equal((DrawKinds.SpotCheck, 23, 3), (draw.Classes.Kind, draw.Classes.Candidates, draw.Classes.Required));
        Assert.Equal(["R-QJ-7", "R-YN-7"], draw.Classes.Rules);
        Assert.Contains("10% × 23 = 2.3，向上取整 3", draw.Classes.Basis);
        Assert.Equal(JsonSerializer.Serialize(draw), JsonSerializer.Serialize(SupervisionDraws.SpotCheck(qujing, "曲靖-2024-抽查", Classes.Reverse().ToList(), Inspectors, groupSize: 2)));
        Assert.NotEqual(draw.Classes.Chosen, SupervisionDraws.SpotCheck(qujing, "曲靖-2025-抽查", Classes, Inspectors, groupSize: 2).Classes.Chosen);

        // Inspectors: a group of 2 for each class drawn, seeded with the class.
        Assert.Equal(draw.Classes.Chosen, draw.Groups.Select(g => g.Class));
        foreach (var group in draw.Groups)
        {
            Assert.Equal(2, group.Inspectors.Chosen.Distinct().Count());
            Assert.Equal($"曲靖-2024-抽查:{group.Class}", group.Inspectors.Seed);
            Assert.Equal(SeededDraw.Take(group.Inspectors.Seed, Inspectors, 2), group.Inspectors.Chosen);
        }

        // More than the least is allowed, fewer is not.
        Assert.Equal(5, SupervisionDraws.SpotCheck(qujing, "s", Classes, Inspectors, groupSize: 2, count: 5).Classes.Chosen.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => SupervisionDraws.SpotCheck(qujing, "s", Classes, Inspectors, groupSize: 2, count: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => SupervisionDraws.SpotCheck(qujing, "s", Classes, Inspectors, rate: 5, groupSize: 2));
    }

    [Fact]
    public void R_QJ_7_SpotCheck_WithoutAGroupSize_NamesTheMissingSetting()
    {
        var missing = Assert.Throws<MissingParameterException>(() => SupervisionDraws.SpotCheck(Profiles.Get("qujing"), "s", Classes, Inspectors));
        Assert.Equal(("inspection.inspectorsPerGroup", "groupSize"), (missing.Key, missing.Argument));
        Assert.Contains("inspection.inspectorsPerGroup", missing.Message);
    }

    [Fact]
    public void R_YN_7_SpotCheck_WhereNoShareIsSet_NeedsARateArgument()
    {
        var yunnan = Profiles.Get("yunnan");
        var missing = Assert.Throws<MissingParameterException>(() => SupervisionDraws.SpotCheck(yunnan, "s", Classes, Inspectors, groupSize: 2));
        Assert.Equal(("inspection.spotCheckRate", "rate"), (missing.Key, missing.Argument));
        var draw = SupervisionDraws.SpotCheck(yunnan, "s", Classes, Inspectors, rate: 20, groupSize: 3);
        Assert.Equal(5, draw.Classes.Chosen.Count); // ⌈20 % × 23⌉ = ⌈4.6⌉
        Assert.Equal(["R-YN-7"], draw.Classes.Rules);
        Assert.All(draw.Groups, g => Assert.Equal(3, g.Inspectors.Chosen.Distinct().Count()));
    }

    [Fact]
    public void R_GL_9_SpotCheckInspectors_DrawnInGroupsOfTwo_NeverTwiceForOneClass()
    {
        var guilin = Profiles.Get("guilin");
        var draw = SupervisionDraws.SpotCheck(guilin, "桂林-2024", Classes, Inspectors, rate: 30);
        Assert.Equal(7, draw.Groups.Count);
        Assert.All(draw.Groups, g =>
        {
            Assert.Equal(2, g.Inspectors.Chosen.Distinct().Count());
            Assert.Equal(["R-GL-9"], g.Inspectors.Rules);
        });
        Assert.Throws<ArgumentOutOfRangeException>(() => SupervisionDraws.SpotCheck(guilin, "s", Classes, Inspectors, rate: 30, groupSize: 3));
        Assert.Throws<ArgumentException>(() => SupervisionDraws.SpotCheck(guilin, "s", Classes, ["李明"], rate: 30));
    }

    [Fact]
    public void R_YN_9b_PhoneCheck_DrawsAtLeastFive_OrTheWholeOfASmallerClass()
    {
        var yunnan = Profiles.Get("yunnan");
        var draw = SupervisionDraws.PhoneCheck(yunnan, "电话-0305", FortyFive);
        Assert.Equal((5, 5), (draw.Required, draw.Chosen.Count));
        Assert.Equal(["R-YN-9b"], draw.Rules);
        Assert.Equal(SeededDraw.Take("电话-0305", FortyFive, 5), draw.Chosen);

        var small = SupervisionDraws.PhoneCheck(yunnan, "s", ["a", "b", "c", "d"]);
        Assert.Equal(4, small.Chosen.Count);
        Assert.Contains("全部抽取", small.Basis);

        Assert.Equal("inspection.phoneCheckMin", Assert.Throws<MissingParameterException>(() => SupervisionDraws.PhoneCheck(Profiles.Get("guilin"), "s", FortyFive)).Key);
        Assert.Equal(3, SupervisionDraws.PhoneCheck(Profiles.Get("guilin"), "s", FortyFive, count: 3).Chosen.Count);
    }

    [Fact]
    public void R_GL_11_FollowUp_SamplesTenPercent()
    {
        var guilin = Profiles.Get("guilin");
        var draw = SupervisionDraws.FollowUp(guilin, "回访-2024-07", FortyFive, workBased: false);
        Assert.Equal((5, 5), (draw.Required, draw.Chosen.Count)); // ⌈10 % × 45⌉ = ⌈4.5⌉
        Assert.Equal(["R-GL-11"], draw.Rules);
        var workBased = SupervisionDraws.FollowUp(guilin, "回访-2024-07", FortyFive, workBased: true);
        Assert.Equal(14, workBased.Chosen.Count); // ⌈30 % × 45⌉ = ⌈13.5⌉
        Assert.Equal(draw.Chosen, workBased.Chosen.Take(5)); // the same ranking, a longer prefix
    }

    [Fact]
    public void R_GL_11_FollowUp_WhereNoShareIsSet_NeedsARateArgumentNamingTheSetting()
    {
        var jiaozuo = Profiles.Get("jiaozuo");
        var missing = Assert.Throws<MissingParameterException>(() => SupervisionDraws.FollowUp(jiaozuo, "s", FortyFive, workBased: false));
        Assert.Equal("followUp.rate", missing.Key);
        Assert.StartsWith("焦作市（jiaozuo）的规定没有「followUp.rate」，请给出参数 rate", missing.Message);
        Assert.Equal("followUp.rateWorkBased", Assert.Throws<MissingParameterException>(() => SupervisionDraws.FollowUp(jiaozuo, "s", FortyFive, workBased: true)).Key);
        var given = SupervisionDraws.FollowUp(jiaozuo, "s", FortyFive, workBased: false, rate: 20);
        Assert.Equal((9, 0), (given.Chosen.Count, given.Rules.Count));
        Assert.Contains("由调用方给出", given.Basis);
    }

    [Fact]
    public void Identity_numbers_drawn_are_recorded_masked()
    {
        string[] ids = [SignInSheetXlsx.Id("53010219851112456"), SignInSheetXlsx.Id("41080219900307123")];
        var draw = SupervisionDraws.PhoneCheck(Profiles.Get("yunnan"), "s", ids);
        Assert.All(draw.Chosen, id => Assert.Contains("********", id));
        Assert.DoesNotContain(ids[0], JsonSerializer.Serialize(draw));
    }

    [Fact]
    public async Task The_draw_activity_binds_camel_case_JSON_for_each_kind()
    {
        var activity = new DrawSupervisionSampleActivity(Profiles);
        var spot = JsonSerializer.Deserialize<DrawSupervisionSampleInput>(
            """{ "profile": "qujing", "seed": "曲靖-2024-抽查", "kind": "spot-check", "classes": [], "inspectors": ["李明", "王芳", "赵强"], "groupSize": 2 }""",
            JsonSerializerOptions.Web)! with { Classes = Classes };
        var done = await activity.ExecuteAsync(spot, null, CancellationToken.None);
        Assert.Equal(DrawSupervisionSampleActivity.Drawn, done.Outcome);
        Assert.Equal(["班-05", "班-01", "班-15"], done.Output.Draw.Chosen);
        Assert.Equal(3, done.Output.Groups.Count);
        Assert.Contains("\"chosen\":[", JsonSerializer.Serialize(done.Output, JsonSerializerOptions.Web));

        var followUp = new DrawSupervisionSampleInput { Profile = "guilin", Seed = "s", Kind = "follow-up", Trainees = FortyFive, WorkBased = true };
        Assert.Equal(14, (await activity.ExecuteAsync(followUp, null, CancellationToken.None)).Output.Draw.Chosen.Count);
        var phone = followUp with { Profile = "yunnan", Kind = "phone-check" };
        Assert.Equal(5, (await activity.ExecuteAsync(phone, null, CancellationToken.None)).Output.Draw.Chosen.Count);

        await Assert.ThrowsAsync<ArgumentException>(() => activity.ExecuteAsync(phone with { Kind = "lottery" }, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => activity.ExecuteAsync(phone with { Trainees = [] }, null, CancellationToken.None));
    }
}
