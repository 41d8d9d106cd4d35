using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;
using Pipeline.Activities.Subsidy;

namespace Pipeline.Activities.Tests.Subsidy;

/// <summary>Classes and trainees for the worked examples: valid identity numbers, every trainee verified, attending, passed and employed unless a test says otherwise.</summary>
internal static class Classes
{
    public static readonly ProfileCatalog Catalog = ProfileCatalog.LoadEmbedded();

    /// <summary>Order-based 100, general 60 yuan per trainee per day, as the settlement file may give them.</summary>
    public static readonly Dictionary<string, decimal> Rates = new() { [TrainingModes.OrderBased] = 100m, [TrainingModes.General] = 60m, [TrainingModes.Project] = 80m, [TrainingModes.Employer] = 50m };

    public static SubsidyPolicy Policy(string profile) => SubsidyPolicy.From(Catalog.Get(profile));

    /// <summary>A valid identity number of Xinxiang's 410802 born 1990-03-07, sequence <paramref name="n"/>.</summary>
    public static string Id(int n)
    {
        var first17 = $"41080219900307{n:000}";
        return first17 + IdNumber.CheckCharacter(first17);
    }

    /// <summary>Trainee <paramref name="n"/>: 96 of 120 hours (80 %), verified, passed, employed.</summary>
    public static SettlementTrainee Trainee(int n, decimal attended = 96, bool verified = true, bool passed = true, bool employed = true, string? group = "失业人员") =>
        new($"学员{n}", Id(n), group, attended, verified, passed, employed);

    /// <summary><paramref name="count"/> trainees numbered 1…count, the first <paramref name="failed"/> of them not passed,
    /// the first <paramref name="unemployed"/> not employed.</summary>
    public static List<SettlementTrainee> Trainees(int count, int failed = 0, int unemployed = 0) =>
        Enumerable.Range(1, count).Select(n => Trainee(n, passed: n > failed, employed: n > unemployed)).ToList();

    /// <summary>An order-based class of 120 planned hours and 10 days at the rates above.</summary>
    public static ClassSettlement Class(int approved, IReadOnlyList<SettlementTrainee> trainees, string mode = TrainingModes.OrderBased) => new()
    {
        TrainingMode = mode,
        ApprovedHeadcount = approved,
        PlannedHours = 120,
        TrainingDays = 10,
        DailyRates = Rates,
        Trainees = trainees,
    };
}
