namespace Pipeline.Activities.Supervision.FollowUp;

/// <summary>
/// One follow-up contact with a trainee after training (就业跟踪回访, JZ 附件7 回访记录; GL Art.12 电话回访 registers
/// employer, sector and income). JSON (camelCase):
/// <code>{ "trainee": "学员-07", "date": "2024-05-10", "reached": true, "employed": true, "employer": "某某公司",
///   "sector": "家政服务", "incomeBand": "2000-4000元", "opinion": "课程实用" }</code>
/// </summary>
public sealed record FollowUpRecord
{
    /// <summary>The trainee's roster id or name (an identity number is accepted and only ever shown masked).</summary>
    public required string Trainee { get; init; }

    /// <summary>The day of the call or visit.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The trainee was reached; a call nobody answered is recorded but follows nothing up.</summary>
    public bool Reached { get; init; }

    /// <summary>Employed (or self-employed) at the time; null: not asked or not reached.</summary>
    public bool? Employed { get; init; }

    /// <summary>就业工作单位.</summary>
    public string? Employer { get; init; }

    /// <summary>从事行业职业.</summary>
    public string? Sector { get; init; }

    /// <summary>工资福利收入, as a band (JZ 附件1: 2000 元以下 / 2000-4000 元 / 4000 元以上).</summary>
    public string? IncomeBand { get; init; }

    /// <summary>The trainee's opinion of the training (培训意愿、培训质量、培训过程).</summary>
    public string? Opinion { get; init; }
}

/// <summary>A trainee of an entrepreneurship class who started a business (自主创业) after training.</summary>
/// <param name="Trainee">As in <see cref="FollowUpRecord.Trainee"/>.</param>
/// <param name="Date">The start-up date (创业之日, e.g. the business licence's date).</param>
public sealed record StartUp(string Trainee, DateOnly Date);
