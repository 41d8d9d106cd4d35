using Pipeline.Activities.Forms.Layout;

namespace Pipeline.Activities.Forms;

/// <summary>Certificate a class leads to (取证类别, QJ 附件2 注1).</summary>
public enum CertificateType
{
    /// <summary>职业资格证书.</summary>
    ProfessionalQualification,

    /// <summary>专项职业能力证书.</summary>
    SpecialVocationalAbility,

    /// <summary>培训合格证书.</summary>
    TrainingCompletion,
}

/// <summary>Planned trainees per target group (培训对象（人数）), in the form's column order.</summary>
public sealed record QujingTargetGroups
{
    /// <summary>贫困家庭劳动力.</summary>
    public int PoorHouseholdLabour { get; init; }

    /// <summary>毕业年度高校毕业生.</summary>
    public int GraduatingCollegeStudents { get; init; }

    /// <summary>农村转移就业劳动者.</summary>
    public int RuralMigrantWorkers { get; init; }

    /// <summary>城镇登记失业人员.</summary>
    public int RegisteredUrbanUnemployed { get; init; }

    /// <summary>城乡未继续升学的应届初高中毕业生.</summary>
    public int UnplacedSchoolLeavers { get; init; }
}

/// <summary>
/// The employment service agency's decision (就业服务机构审批意见), co-signed by at least two people (R-QJ-8): the
/// section head (科室负责人) and the head of the agency (单位负责人). Names and dates are printed when the case has
/// them, else the lines stay blank for the hand.
/// </summary>
public sealed record QujingApproval
{
    /// <summary>The opinion text (e.g. 同意开班).</summary>
    public string? Opinion { get; init; }

    /// <summary>科室负责人.</summary>
    public string? SectionHead { get; init; }

    public DateOnly? SectionHeadSignedOn { get; init; }

    /// <summary>单位负责人.</summary>
    public string? UnitHead { get; init; }

    public DateOnly? UnitHeadSignedOn { get; init; }
}

/// <summary>The record behind <see cref="QujingApprovalForm"/>: every field of QJ 附件2.</summary>
public sealed record QujingApprovalData
{
    /// <summary>申报单位 (the training institution).</summary>
    public required string Applicant { get; init; }

    /// <summary>培训类别: the one ticked.</summary>
    public required TrainingCategory Category { get; init; }

    /// <summary>培训地点.</summary>
    public required string Place { get; init; }

    /// <summary>拟培训职业（工种）或人员: the occupation for employment-skills training, 创业者 for entrepreneurship (注2).</summary>
    public required string Occupation { get; init; }

    /// <summary>拟培训人数.</summary>
    public required int Headcount { get; init; }

    /// <summary>培训期限 开始时间.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>培训期限 结束时间.</summary>
    public required DateOnly End { get; init; }

    /// <summary>培训课时.</summary>
    public required int Hours { get; init; }

    /// <summary>取证类别.</summary>
    public required CertificateType Certificate { get; init; }

    /// <summary>培训对象（人数）.</summary>
    public required QujingTargetGroups TargetGroups { get; init; }

    /// <summary>The agency's decision, when taken.</summary>
    public QujingApproval? Approval { get; init; }

    /// <summary>申报单位负责人.</summary>
    public string? ApplicantHead { get; init; }

    /// <summary>申报单位经办人.</summary>
    public string? Handler { get; init; }

    /// <summary>联系电话 (printed masked: 138****5678).</summary>
    public string? Phone { get; init; }

    /// <summary>Date the application is made: the document's date (core properties); not printed, the form has no such field.</summary>
    public required DateOnly Date { get; init; }
}

/// <summary>
/// QJ 附件2 曲靖市职业培训计划审批表 (class plan approval form of Qujing) as a DOCX, laid out as the seed's table:
/// category with the chosen one ticked, place, occupation, headcount, start and end, hours, certificate type, trainees
/// per target group, the agency's co-signed decision (R-QJ-8), the applicant's head, handler and phone, and the 注 lines.
/// </summary>
public static class QujingApprovalForm
{
    public const string Title = "曲靖市职业培训计划审批表";

    public static string Label(this CertificateType certificate) => certificate switch
    {
        CertificateType.ProfessionalQualification => "职业资格证书",
        CertificateType.SpecialVocationalAbility => "专项职业能力证书",
        CertificateType.TrainingCompletion => "培训合格证书",
        _ => throw new ArgumentOutOfRangeException(nameof(certificate), certificate, null),
    };

    public static byte[] Render(QujingApprovalData data)
    {
        var form = new WordForm(Title, data.Date)
            .Paragraph(Title, TextStyle.Title)
            .Paragraph($"申报单位（签章）：{data.Applicant}", TextStyle.Line with { After = 4 });

        var groups = data.TargetGroups;
        var approval = data.Approval ?? new QujingApproval();
        form.Table(10.5, 19, 11, 21, 21, 10, 18)
            .Row(40, "培训类别", new Cell(FormText.Choices(Enum.GetValues<TrainingCategory>(), c => c == data.Category, c => c.Label())) { Span = 5, Align = Align.Left })
            .Row(40, "培训地点", new Cell(data.Place) { Span = 5, Align = Align.Left })
            .Row(24, new Cell("拟培训职业（工种）或人员") { Merge = Merge.Start }, new Cell("拟培训人数") { Merge = Merge.Start },
                new Cell("培训期限") { Span = 2 }, new Cell("培训课时") { Merge = Merge.Start }, new Cell("取证类别") { Merge = Merge.Start })
            .Row(24, new Cell("") { Merge = Merge.Continue }, new Cell("") { Merge = Merge.Continue }, "开始时间", "结束时间",
                new Cell("") { Merge = Merge.Continue }, new Cell("") { Merge = Merge.Continue })
            .Row(44, data.Occupation, FormText.Number(data.Headcount), FormText.Date(data.Start), FormText.Date(data.End),
                FormText.Number(data.Hours), data.Certificate.Label())
            .Row(48, new Cell("培训对象（人数）") { Merge = Merge.Start }, "贫困家庭劳动力", "毕业年度高校毕业生", "农村转移就业劳动者",
                "城镇登记失业人员", "城乡未继续升学的应届初高中毕业生")
            .Row(36, new Cell("") { Merge = Merge.Continue }, FormText.Number(groups.PoorHouseholdLabour), FormText.Number(groups.GraduatingCollegeStudents),
                FormText.Number(groups.RuralMigrantWorkers), FormText.Number(groups.RegisteredUrbanUnemployed), FormText.Number(groups.UnplacedSchoolLeavers))
            .Row(150, new Cell("就业服务机构审批意见") { Merge = Merge.Start }, new Cell(FormText.OrBlank(approval.Opinion)) { Span = 5, Align = Align.Left, Top = true })
            .Row(64, new Cell("") { Merge = Merge.Continue },
                new Cell($"科室负责人：{FormText.OrBlank(approval.SectionHead)}\n{FormText.Date(approval.SectionHeadSignedOn)}") { Span = 2, Align = Align.Left },
                new Cell($"单位负责人：{FormText.OrBlank(approval.UnitHead)}　　（公章）\n{FormText.Date(approval.UnitHeadSignedOn)}") { Span = 3, Align = Align.Left });

        var line = TextStyle.Line with { Before = 6 };
        return form
            .Paragraph($"申报单位负责人：{FormText.OrBlank(data.ApplicantHead)}", line)
            .Paragraph($"申报单位经办人：{FormText.OrBlank(data.Handler)}", TextStyle.Line)
            .Paragraph($"联系电话：{FormText.Phone(data.Phone)}", TextStyle.Line with { After = 6 })
            .Paragraph("注：1、取证类别分为职业资格证书、专项职业能力证书和培训合格证书。", TextStyle.Note)
            .Paragraph("　　2、拟培训职业（工种）或人员，就业技能培训填相应职业（工种），创业培训填“创业者”。", TextStyle.Note)
            .Paragraph("　　3、本表一式三份，县级就业服务机构一份，培训机构两份（申报补贴材料时存档一份）。", TextStyle.Note)
            .ToBytes();
    }
}
