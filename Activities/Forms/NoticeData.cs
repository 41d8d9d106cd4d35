namespace Pipeline.Activities.Forms;

/// <summary>What every notice to an institution about a class's claim names.</summary>
public abstract record NoticeData
{
    /// <summary>案件编号.</summary>
    public required string CaseNumber { get; init; }

    /// <summary>The training institution the notice is addressed to.</summary>
    public required string Institution { get; init; }

    /// <summary>培训班（期次）.</summary>
    public required string ClassName { get; init; }

    /// <summary>When the institution submitted the materials, when known.</summary>
    public DateOnly? SubmittedOn { get; init; }

    /// <summary>The issuing bureau (落款).</summary>
    public required string Bureau { get; init; }

    /// <summary>Date of the notice: printed, and the document's date.</summary>
    public required DateOnly Date { get; init; }
}
