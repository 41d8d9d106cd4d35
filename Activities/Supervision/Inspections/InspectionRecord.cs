namespace Pipeline.Activities.Supervision.Inspections;

/// <summary>
/// One on-site inspection of a class (现场督查情况表, GL Art.10; 职业技能培训班检查表, YN §十四), as the inspectors
/// filled it in. JSON (camelCase):
/// <code>
/// { "date": "2024-03-05", "inspectors": ["李明", "王芳"], "leader": "李明",
///   "items": { "syllabusFollowed": { "ok": true }, "progressMatchesPlan": { "ok": true },
///              "teacherPrepared": { "ok": false, "note": "未见教案" },
///              "attendance": { "ok": true, "expected": 30, "present": 28 }, "practicalHoursMet": { "ok": true } },
///   "phoneChecks": [ { "trainee": "学员-03", "reached": true, "result": "在训，反映良好" } ],
///   "confirmedByInstitution": "赵校长", "confirmedByInspectors": true }
/// </code>
/// </summary>
public sealed record InspectionRecord
{
    /// <summary>The day of the inspection.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The inspectors' names (检查人员); GL sends groups of 2 (R-GL-9).</summary>
    public IReadOnlyList<string> Inspectors { get; init; } = [];

    /// <summary>The group leader (组长, GL Art.14), one of <see cref="Inspectors"/>.</summary>
    public string? Leader { get; init; }

    /// <summary>The on-site items of R-GL-10 (GL Art.11), each answered ok / not ok.</summary>
    public InspectionItems Items { get; init; } = new();

    /// <summary>Trainees phoned during or after the inspection (电话抽查, R-YN-9b).</summary>
    public IReadOnlyList<PhoneCheck> PhoneChecks { get; init; } = [];

    /// <summary>Name of the institution's on-site head who signed the record (现场负责人签字确认); null or empty: not signed.</summary>
    public string? ConfirmedByInstitution { get; init; }

    /// <summary>The inspectors signed the record (双方签字确认, GL Art.10).</summary>
    public bool ConfirmedByInspectors { get; init; }
}

/// <summary>The on-site items of R-GL-10 (GL Art.11 现场督查内容); a null item is not answered.</summary>
public sealed record InspectionItems
{
    /// <summary>是否按教学大纲实施教学.</summary>
    public InspectionItem? SyllabusFollowed { get; init; }

    /// <summary>教学进度与教学计划是否一致.</summary>
    public InspectionItem? ProgressMatchesPlan { get; init; }

    /// <summary>教师备课授课情况.</summary>
    public InspectionItem? TeacherPrepared { get; init; }

    /// <summary>学员到课情况, with the trainees expected and present.</summary>
    public AttendanceItem? Attendance { get; init; }

    /// <summary>实训实操课时是否符合规定要求.</summary>
    public InspectionItem? PracticalHoursMet { get; init; }

    /// <summary>Each item with its Chinese label, in the order of GL Art.11.</summary>
    public IEnumerable<(string Label, bool? Ok, string? Note)> All()
    {
        yield return ("按教学大纲实施教学", SyllabusFollowed?.Ok, SyllabusFollowed?.Note);
        yield return ("教学进度与教学计划一致", ProgressMatchesPlan?.Ok, ProgressMatchesPlan?.Note);
        yield return ("教师备课授课", TeacherPrepared?.Ok, TeacherPrepared?.Note);
        yield return ("学员到课", Attendance?.Ok, Attendance?.Note);
        yield return ("实训实操课时符合规定", PracticalHoursMet?.Ok, PracticalHoursMet?.Note);
    }
}

/// <summary>One item's answer.</summary>
/// <param name="Ok">True: as required; false: not; null: not answered.</param>
/// <param name="Note">What the inspectors wrote.</param>
public sealed record InspectionItem(bool? Ok, string? Note = null);

/// <summary>The attendance item: its answer and the head count.</summary>
/// <param name="Ok">True: attendance as required; false: not; null: not answered.</param>
/// <param name="Expected">Trainees on the roster for the session.</param>
/// <param name="Present">Trainees found present.</param>
/// <param name="Note">What the inspectors wrote.</param>
public sealed record AttendanceItem(bool? Ok, int? Expected = null, int? Present = null, string? Note = null);

/// <summary>A trainee phoned to confirm the training (电话抽查).</summary>
/// <param name="Trainee">The trainee's roster id or name (an identity number is accepted and only ever shown masked).</param>
/// <param name="Reached">The trainee answered; a call nobody answered checked no one.</param>
/// <param name="Result">What the trainee said (在训 / 未参训 / …).</param>
public sealed record PhoneCheck(string Trainee, bool Reached, string? Result = null);
