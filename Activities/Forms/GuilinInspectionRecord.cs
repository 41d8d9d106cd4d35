using Pipeline.Activities.Forms.Layout;

namespace Pipeline.Activities.Forms;

/// <summary>One inspector of the pair (督查人员); one of the two leads the check (组长, GL 第十四条).</summary>
public sealed record Inspector
{
    public required string Name { get; init; }

    /// <summary>组长.</summary>
    public bool Leader { get; init; }
}

/// <summary>What the inspectors found on one item: conforming or not, and what they saw.</summary>
public sealed record InspectionItemResult
{
    public required bool Conforms { get; init; }

    public string? Note { get; init; }
}

/// <summary>学员到课情况: trainees expected (应到) and present (实到) at the check.</summary>
public sealed record AttendanceResult
{
    public required int Expected { get; init; }

    public required int Present { get; init; }

    public required bool Conforms { get; init; }

    public string? Note { get; init; }
}

/// <summary>The record behind <see cref="GuilinInspectionRecord"/>.</summary>
public sealed record GuilinInspectionData
{
    /// <summary>培训机构.</summary>
    public required string Institution { get; init; }

    /// <summary>培训班（期次）.</summary>
    public required string ClassName { get; init; }

    /// <summary>培训职业（工种）.</summary>
    public required string Occupation { get; init; }

    /// <summary>培训地点.</summary>
    public required string Place { get; init; }

    /// <summary>Day of the check: also the signing date (both sides sign at the check, GL 第十条) and the document's date.</summary>
    public required DateOnly Date { get; init; }

    public required TimeOnly Start { get; init; }

    public TimeOnly? End { get; init; }

    /// <summary>督查单位 (the county or district HRSS bureau).</summary>
    public string? Bureau { get; init; }

    /// <summary>The two inspectors, one of them 组长 (R-GL-9).</summary>
    public required IReadOnlyList<Inspector> Inspectors { get; init; }

    /// <summary>是否按教学大纲实施教学.</summary>
    public required InspectionItemResult Syllabus { get; init; }

    /// <summary>教学进度与教学计划是否一致.</summary>
    public required InspectionItemResult Progress { get; init; }

    /// <summary>教师备课授课情况.</summary>
    public required InspectionItemResult TeacherPreparation { get; init; }

    /// <summary>学员到课情况（应到/实到）.</summary>
    public required AttendanceResult Attendance { get; init; }

    /// <summary>实训实操课时是否符合规定要求.</summary>
    public required InspectionItemResult PracticalHours { get; init; }

    /// <summary>整改要求; none when empty (无).</summary>
    public string? Rectification { get; init; }

    /// <summary>整改期限.</summary>
    public DateOnly? RectifyBy { get; init; }

    /// <summary>培训机构现场负责人 who confirmed the record.</summary>
    public required string InstitutionRepresentative { get; init; }
}

/// <summary>
/// GL 现场督查情况表 (on-site inspection record of Guilin, GL 第十条, 第十一条, 第十四条) as a DOCX: the class, the time
/// of the check, the two inspectors with the 组长 marked, the five items of 第十一条 (R-GL-10) each with its finding, the
/// rectification required, and signature lines of both sides with the names recorded as having confirmed. The record is
/// mandatory in a GL subsidy claim; it is made in two copies (一式两份).
/// </summary>
public static class GuilinInspectionRecord
{
    public const string Title = "现场督查情况表";

    /// <exception cref="ArgumentException">Not exactly two inspectors, or not exactly one 组长 (R-GL-9); more present than expected.</exception>
    public static byte[] Render(GuilinInspectionData data)
    {
        if (data.Inspectors.Count != 2)
            throw new ArgumentException($"inspectors: a check is made by 2 inspectors (R-GL-9), not {data.Inspectors.Count}", nameof(data));
        if (data.Inspectors.Count(i => i.Leader) != 1)
            throw new ArgumentException("inspectors: exactly one of the two is 组长 (leader: true)", nameof(data));
        if (data.Attendance.Present > data.Attendance.Expected || data.Attendance.Present < 0)
            throw new ArgumentException($"attendance.present: {data.Attendance.Present} present of {data.Attendance.Expected} expected", nameof(data));

        var leader = data.Inspectors.Single(i => i.Leader);
        var member = data.Inspectors.Single(i => !i.Leader);
        var time = FormText.Time(data.Start) + (data.End is { } end ? "—" + FormText.Time(end) : "");
        var attendance = data.Attendance;
        var rectification = FormText.OrBlank(data.Rectification) is { Length: > 0 } text ? text : "无";
        if (data.RectifyBy is { } by) rectification += $"\n整改期限：{FormText.Date(by)}前";
        var signedOn = FormText.Date(data.Date);

        var form = new WordForm(Title, data.Date).Paragraph(Title, TextStyle.Title);
        form.Table(10.5, 8, 24, 24, 22, 22)
            .Row(30, new Cell("培训机构") { Span = 2 }, new Cell(data.Institution) { Span = 3, Align = Align.Left })
            .Row(30, new Cell("培训班（期次）") { Span = 2 }, data.ClassName, "培训职业（工种）", data.Occupation)
            .Row(30, new Cell("培训地点") { Span = 2 }, new Cell(data.Place) { Span = 3, Align = Align.Left })
            .Row(30, new Cell("督查时间") { Span = 2 }, $"{signedOn}\n{time}", "督查单位", FormText.OrBlank(data.Bureau))
            .Row(30, new Cell("督查人员") { Span = 2 }, new Cell($"{leader.Name}（组长）、{member.Name}") { Span = 3, Align = Align.Left })
            .Row(24, new Cell("序号") { Bold = true }, new Cell("督查内容") { Bold = true }, new Cell("督查情况") { Span = 2, Bold = true }, new Cell("结论") { Bold = true })
            .Row(46, Item(1, "是否按教学大纲实施教学", data.Syllabus))
            .Row(46, Item(2, "教学进度与教学计划是否一致", data.Progress))
            .Row(46, Item(3, "教师备课授课情况", data.TeacherPreparation))
            .Row(46, Item(4, "学员到课情况（应到/实到）",
                new InspectionItemResult { Conforms = attendance.Conforms, Note = AttendanceNote(attendance) }))
            .Row(46, Item(5, "实训实操课时是否符合规定要求", data.PracticalHours))
            .Row(60, new Cell("整改要求") { Span = 2 }, new Cell(rectification) { Span = 3, Align = Align.Left })
            .Row(60, new Cell("督查人员\n（签字）") { Span = 2 },
                new Cell($"组长：{leader.Name} {FormText.Blank}　　组员：{member.Name} {FormText.Blank}\n{signedOn}") { Span = 3, Align = Align.Left })
            .Row(60, new Cell("培训机构\n现场负责人\n（签字）") { Span = 2 },
                new Cell($"{data.InstitutionRepresentative} {FormText.Blank}\n{signedOn}") { Span = 3, Align = Align.Left });
        return form
            .Paragraph("注：本表一式两份，检查时双方签字确认后，一份交受检培训机构，作为申报培训补贴的必备材料，一份由督查单位存档。",
                TextStyle.Note with { Before = 6 })
            .ToBytes();
    }

    private static Cell[] Item(int number, string item, InspectionItemResult result) =>
    [
        FormText.Number(number),
        new Cell(item) { Align = Align.Left },
        new Cell(FormText.OrBlank(result.Note)) { Span = 2, Align = Align.Left },
        $"{FormText.Tick(result.Conforms)}符合　{FormText.Tick(!result.Conforms)}不符合",
    ];

    private static string AttendanceNote(AttendanceResult a)
    {
        var counts = $"应到{a.Expected}人，实到{a.Present}人（到课{FormText.Percent(a.Present, a.Expected)}）";
        return FormText.OrBlank(a.Note) is { Length: > 0 } note ? $"{counts}。{note}" : counts;
    }
}
