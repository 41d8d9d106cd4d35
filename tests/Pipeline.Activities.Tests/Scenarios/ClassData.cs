using Pipeline.Activities.ClassOpening;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>Class data and trainees for tests: valid GB 11643 ID numbers made on the spot.</summary>
public static class ClassData
{
    /// <summary>A valid ID number of someone born on <paramref name="birth"/> (area 410802, Jiaozuo).</summary>
    public static string Id(DateOnly birth, int sequence = 123)
    {
        var first17 = $"410802{birth:yyyyMMdd}{sequence % 1000:000}";
        return first17 + IdNumber.CheckCharacter(first17);
    }

    /// <summary><paramref name="count"/> trainees born 1990–1999, all in <paramref name="group"/>.</summary>
    public static IReadOnlyList<Trainee> Trainees(int count, string group = "城镇登记失业人员") =>
        Enumerable.Range(1, count).Select(i => new Trainee($"学员{i:00}", Id(new DateOnly(1990 + i % 10, 1 + i % 12, 1 + i % 28), 100 + i), group)).ToList();

    /// <summary>A skills class of 20 trainees, 10 days and 80 hours from <paramref name="start"/>, filed on <paramref name="filed"/>.</summary>
    public static ClassApplication Skills(DateOnly filed, DateOnly start, int trainees = 20) => new()
    {
        Occupation = "中式烹调师",
        FiledOn = filed,
        StartDate = start,
        EndDate = start.AddDays(13),
        PlannedHours = 80,
        TrainingDays = 10,
        Headcount = trainees,
        Place = "示范区培训基地",
        Teachers = [new Teacher("张老师", "theory"), new Teacher("李师傅", "practical")],
        TheoryRoomArea = 80,
        PracticalGroupSize = 5,
        Standards = new OccupationStandards("国家职业技能标准 4-03-02-01", "职业技能等级认定规范", "焦作市职业技能鉴定中心"),
        Trainees = Trainees(trainees),
    };

    /// <summary>The class data as a workflow variable (FEEL context).</summary>
    public static IReadOnlyDictionary<string, object?> Variable(ClassApplication application) =>
        (IReadOnlyDictionary<string, object?>)Pipeline.Workflows.Expressions.FeelValues.FromJson(
            System.Text.Json.JsonSerializer.SerializeToElement(application, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!;
}
