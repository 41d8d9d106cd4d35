namespace Pipeline.Activities.Classification;

/// <summary>Stable section ids of architecture.md, used in JSON, tests and workflow definitions.</summary>
public static class SectionIds
{
    public const string Cover = "cover";
    public const string TableOfContents = "table-of-contents";
    public const string SubsidyApplicationForm = "subsidy-application-form";
    public const string SubsidyDetailList = "subsidy-detail-list";
    public const string ClassOpeningApplication = "class-opening-application";
    public const string TeachingPlan = "teaching-plan";
    public const string TraineeRoster = "trainee-roster";
    public const string JobVacancyList = "job-vacancy-list";
    public const string TrainingIntentionForm = "training-intention-form";
    public const string InspectionRecord = "inspection-record";
    public const string EntrustmentAgreement = "entrustment-agreement";
    public const string IdentityProof = "identity-proof";
    public const string Certificate = "certificate";
    public const string EmploymentProof = "employment-proof";
    public const string Other = "other";

    /// <summary>Every id, in the order of architecture.md.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Cover, TableOfContents, SubsidyApplicationForm, SubsidyDetailList, ClassOpeningApplication, TeachingPlan,
        TraineeRoster, JobVacancyList, TrainingIntentionForm, InspectionRecord, EntrustmentAgreement, IdentityProof,
        Certificate, EmploymentProof, Other,
    ];
}
