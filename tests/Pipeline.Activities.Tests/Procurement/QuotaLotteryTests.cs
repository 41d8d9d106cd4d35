using System.Text.Json;
using Pipeline.Activities.Catalogue;
using Pipeline.Activities.Procurement.Lottery;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Tests.Procurement;

/// <summary>The quota lottery of WS §二(二) (R-WS-2): seeded, reproducible, order-independent; 凤城镇四关四街 never drawn.</summary>
public class QuotaLotteryTests
{
    public const string Seed = "文水-2023-抽签";

    public static readonly string[] Institutions =
    [
        "文水县华信职业培训学校", "文水县振兴职业技能培训学校", "文水县汾河职业培训学校",
        "文水县刘胡兰职业培训学校", "文水县新星职业培训学校", "文水县晋中职业培训学校",
    ];

    /// <summary>Test areas and quotas (the seed gives none: in a real case they are the bureau's setting lottery.areas).</summary>
    public static readonly LotteryArea[] Areas =
    [
        new("开栅镇", 120), new("南庄镇", 100), new("南安镇", 90), new("刘胡兰镇", 110),
        new("下曲镇", 80), new("孝义镇", 100), new("马西乡", 60), new("西城乡", 70),
    ];

    private static readonly string[] FreeRecruitment = ["凤城镇四关四街"];

    private static QuotaLotteryResult Draw(string? seed, IEnumerable<string> institutions, IEnumerable<LotteryArea> areas) =>
        QuotaLottery.Draw(seed, institutions, areas, FreeRecruitment, "R-WS-2");

    [Fact]
    public void QuotaLottery_assigns_areas_by_lot_as_SHA256_ranks_them_R_WS_2()
    {
        var lottery = Draw(Seed, Institutions, Areas);

        // Pinned with Python's hashlib: draw order by sha256(seed:institution), lots by sha256(seed:lots:area).
        Assert.Equal(["文水县晋中职业培训学校", "文水县刘胡兰职业培训学校", "文水县新星职业培训学校", "文水县汾河职业培训学校",
            "文水县振兴职业技能培训学校", "文水县华信职业培训学校"], lottery.DrawOrder);
        Assert.Equal(["南庄镇", "马西乡", "孝义镇", "西城乡", "南安镇", "开栅镇", "下曲镇", "刘胡兰镇"], lottery.Lots);
        Assert.Equal(new LotteryAssignment(1, "南庄镇", "文水县晋中职业培训学校", 100), lottery.Assignments[0]);
        // Eight areas among six institutions: the seventh and eighth lots go round the table again.
        Assert.Equal(new LotteryAssignment(7, "下曲镇", "文水县晋中职业培训学校", 80), lottery.Assignments[6]);
        Assert.Equal(new LotteryAssignment(8, "刘胡兰镇", "文水县刘胡兰职业培训学校", 110), lottery.Assignments[7]);
        Assert.Equal(Areas.Sum(a => a.Quota), lottery.Assignments.Sum(a => a.Quota));
        Assert.Equal((Seed, false, "R-WS-2"), (lottery.Seed, lottery.SeedDrawn, lottery.Rule));
        Assert.Equal(Institutions.Order(StringComparer.Ordinal), lottery.Participants);
    }

    [Fact]
    public void QuotaLottery_same_seed_and_participants_in_any_order_give_the_same_result_R_WS_2()
    {
        var first = JsonSerializer.Serialize(Draw(Seed, Institutions, Areas));
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var shuffledInstitutions = Institutions.OrderBy(_ => random.Next()).ToList();
            var shuffledAreas = Areas.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(first, JsonSerializer.Serialize(Draw(Seed, shuffledInstitutions, shuffledAreas)));
        }
        Assert.NotEqual(Draw(Seed, Institutions, Areas).Assignments, Draw("文水-2024-抽签", Institutions, Areas).Assignments);
    }

    [Fact]
    public void QuotaLottery_without_a_seed_draws_one_and_returns_it_so_the_draw_can_be_repeated()
    {
        var lottery = Draw(null, Institutions, Areas);
        Assert.True(lottery.SeedDrawn);
        Assert.Matches("^[0-9a-f]{16}$", lottery.Seed);
        var repeated = Draw(lottery.Seed, Institutions.Reverse(), Areas);
        Assert.Equal(lottery.Assignments, repeated.Assignments);
        Assert.False(repeated.SeedDrawn);
    }

    [Fact]
    public void QuotaLottery_never_draws_Fengcheng_four_gates_four_streets_free_recruitment_R_WS_2()
    {
        var lottery = Draw(Seed, Institutions, [.. Areas, new LotteryArea("凤城镇四关四街", 200)]);
        Assert.DoesNotContain("凤城镇四关四街", lottery.Lots);
        Assert.DoesNotContain(lottery.Assignments, a => a.Area == "凤城镇四关四街");
        Assert.Equal(["凤城镇四关四街"], lottery.FreeRecruitment);
        // The other lots are exactly those of the lottery without it.
        Assert.Equal(Draw(Seed, Institutions, Areas).Assignments, lottery.Assignments);
    }

    [Fact]
    public void QuotaLottery_with_fewer_areas_than_institutions_leaves_the_last_drawn_without_a_lot()
    {
        var lottery = Draw(Seed, Institutions, Areas.Take(4));
        Assert.Equal(4, lottery.Assignments.Count);
        Assert.Equal(lottery.DrawOrder.Take(4), lottery.Assignments.Select(a => a.Institution));
    }

    [Fact]
    public void QuotaLottery_refuses_bad_input_in_Chinese_first()
    {
        Assert.StartsWith("抽签须至少有一家", Assert.Throws<ArgumentException>(() => Draw(Seed, [], Areas)).Message);
        Assert.Contains("重复", Assert.Throws<ArgumentException>(() => Draw(Seed, [.. Institutions, Institutions[0]], Areas)).Message);
        Assert.Contains("培训区域「开栅镇」重复", Assert.Throws<ArgumentException>(() => Draw(Seed, Institutions, [.. Areas, new LotteryArea("开栅镇", 5)])).Message);
        Assert.Contains("任务数须至少为 1 人", Assert.Throws<ArgumentException>(() => Draw(Seed, Institutions, [new LotteryArea("开栅镇", 0)])).Message);
        Assert.StartsWith("没有可抽签的培训区域", Assert.Throws<ArgumentException>(() => Draw(Seed, Institutions, [new LotteryArea("凤城镇四关四街", 50)])).Message);
    }

    // ── The catalogue activity quota.draw ─────────────────────────────────────────────────────────────────

    private static ActivityInvoker Invoker(ProfileCatalog profiles, InMemoryContractRegistry? registry = null) =>
        new(type => type == typeof(DrawQuotasActivity) ? new DrawQuotasActivity(profiles, registry) : Activator.CreateInstance(type, profiles)!);

    private static Dictionary<string, object?> Inputs(string? seed = Seed, bool withAreas = true)
    {
        var inputs = new Dictionary<string, object?>
        {
            ["profile"] = "wenshui",
            ["institutions"] = Institutions.Cast<object?>().ToList(),
        };
        if (seed is not null) inputs["seed"] = seed;
        if (withAreas)
            inputs["areas"] = Areas.Select(a => (object?)new Dictionary<string, object?> { ["area"] = a.Area, ["quota"] = (decimal)a.Quota }).ToList();
        return inputs;
    }

    [Fact]
    public async Task QuotaDraw_activity_takes_FEEL_inputs_and_returns_the_lottery_for_the_history_R_WS_2()
    {
        var (outcome, variables) = await Invoker(ProfileCatalog.LoadEmbedded()).InvokeAsync("quota.draw", Inputs(), null, CancellationToken.None);
        Assert.Equal("drawn", outcome);
        var lottery = JsonSerializer.Serialize(ActivityInvoker.Plain(variables["lottery"]));
        Assert.Contains("\"seed\":\"" + JsonEncodedText.Encode(Seed), lottery);
        Assert.Contains("\"freeRecruitment\":[\"" + JsonEncodedText.Encode("凤城镇四关四街"), lottery);
        Assert.Contains("\"rule\":\"R-WS-2\"", lottery);
    }

    [Fact]
    public async Task QuotaDraw_with_assignFrom_writes_each_institutions_lots_into_its_current_contract_R_WS_2()
    {
        var registry = new InMemoryContractRegistry();
        var day = new DateOnly(2026, 3, 1);
        foreach (var institution in Institutions) registry.Sign(institution, "中式烹调师", day);
        var inputs = Inputs();
        inputs["assignFrom"] = day;
        var (_, variables) = await Invoker(ProfileCatalog.LoadEmbedded(), registry).InvokeAsync("quota.draw", inputs, null, CancellationToken.None);

        var lottery = QuotaLottery.Draw(Seed, Institutions, Areas, ["凤城镇四关四街"], "R-WS-2");
        Assert.Equal(Institutions.Length, ((IEnumerable<object?>)variables["contracts"]!).Count());
        foreach (var contract in registry.All)
        {
            var drawn = lottery.Assignments.Where(a => a.Institution == contract.Institution).ToList();
            Assert.Equal(drawn.Select(a => a.Area), contract.Areas);
            Assert.Equal(drawn.Sum(a => a.Quota), contract.Task);
        }
        // Writing needs the registry: without one the step stops and says why.
        Assert.Contains("没有可写入的合同登记", (await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Invoker(ProfileCatalog.LoadEmbedded()).InvokeAsync("quota.draw", inputs, null, CancellationToken.None))).Message);
    }

    [Fact]
    public async Task QuotaDraw_without_areas_needs_the_setting_lottery_areas_and_says_so_R_WS_2()
    {
        var e = await Assert.ThrowsAsync<RuleNotConfiguredException>(() =>
            Invoker(ProfileCatalog.LoadEmbedded()).InvokeAsync("quota.draw", Inputs(withAreas: false), null, CancellationToken.None));
        Assert.Equal((ParameterKeys.LotteryAreas, "R-WS-2"), (e.Parameter.Key, e.Parameter.Rule));
        Assert.StartsWith("规则 R-WS-2 未配置", e.Message);
    }

    [Fact]
    public async Task QuotaDraw_uses_the_areas_an_administrator_set_in_the_profile_R_WS_2()
    {
        var areas = JsonSerializer.SerializeToElement(Areas.ToDictionary(a => a.Area, a => a.Quota));
        var profiles = ProfileCatalog.LoadEmbedded(ProfileSettings.Empty()
            .With("wenshui", ParameterKeys.LotteryAreas, areas, "admin", DateTimeOffset.Parse("2023-03-01T09:00:00+08:00")));
        var (_, fromProfile) = await Invoker(profiles).InvokeAsync("quota.draw", Inputs(withAreas: false), null, CancellationToken.None);
        var (_, fromInput) = await Invoker(ProfileCatalog.LoadEmbedded()).InvokeAsync("quota.draw", Inputs(), null, CancellationToken.None);
        Assert.Equal(JsonSerializer.Serialize(ActivityInvoker.Plain(fromInput["lottery"])), JsonSerializer.Serialize(ActivityInvoker.Plain(fromProfile["lottery"])));
        Assert.Contains("开栅镇 120", profiles.Get("wenshui").Find(ParameterKeys.LotteryAreas)!.Display);
    }

    [Fact]
    public async Task ProfileLoad_reports_the_lottery_areas_as_not_configured_and_the_free_recruitment_area_as_data_R_WS_2()
    {
        var (_, variables) = await Invoker(ProfileCatalog.LoadEmbedded()).InvokeAsync("profile.load",
            new Dictionary<string, object?> { ["profile"] = "wenshui" }, null, CancellationToken.None);
        Assert.Contains("lottery.areas (R-WS-2)", JsonSerializer.Serialize(ActivityInvoker.Plain(variables["notConfigured"]), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var parameter = ProfileCatalog.LoadEmbedded().Get("wenshui").Find(ParameterKeys.FreeRecruitmentAreas)!;
        Assert.Equal(["凤城镇四关四街"], parameter.List);
        Assert.Equal(("R-WS-2", false), (parameter.Rule, parameter.Setting));
        Assert.Contains("不进行抽签", parameter.Text);
    }

    [Theory]
    [InlineData("""{ "开栅镇": 0 }""")]
    [InlineData("""{ "开栅镇": "一百" }""")]
    [InlineData("""[ "开栅镇" ]""")]
    public void The_setting_lottery_areas_must_give_each_area_its_persons(string value)
    {
        var settings = ProfileSettings.Empty().With("wenshui", ParameterKeys.LotteryAreas, JsonDocument.Parse(value).RootElement, "admin", DateTimeOffset.Parse("2023-03-01T09:00:00+08:00"));
        Assert.Throws<InvalidDataException>(() => ProfileCatalog.LoadEmbedded(settings).Get("wenshui"));
    }

    [Fact]
    public async Task QuotaDraw_is_refused_where_the_regulation_has_no_lottery()
    {
        var inputs = Inputs();
        inputs["profile"] = "jiaozuo";
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Invoker(ProfileCatalog.LoadEmbedded()).InvokeAsync("quota.draw", inputs, null, CancellationToken.None));
        Assert.StartsWith("焦作市（jiaozuo）的规定没有抽签分配", e.Message);
    }

    [Fact]
    public void QuotaDraw_and_ContractCheck_are_described_in_Chinese_in_the_procurement_category()
    {
        foreach (var (type, zh) in new[] { (typeof(DrawQuotasActivity), "抽签分配片区和名额"), (typeof(Pipeline.Activities.Procurement.Contracts.CheckContractActivity), "合同核验") })
        {
            var d = ActivityDescriber.Describe(type);
            Assert.Equal(("Procurement", zh), (d.Category, d.DisplayNameZh));
            Assert.Contains(d.Type, ActivityCatalogue.Types);
            Assert.Contains(d.Inputs, i => i is { Name: "profile", Required: true });
        }
    }
}
