namespace Pipeline.Activities.Profiles;

/// <summary>
/// The keys of profile parameters the product reads. Which jurisdictions set which, and with what rule, is data
/// (<c>Profiles/Data/*.json</c>); <c>./pipeline profiles show NAME</c> prints a jurisdiction's effective set.
/// </summary>
public static class ParameterKeys
{
    // ── Class opening (开班) ──────────────────────────────────────────────────────────────────────────────
    /// <summary>Least time between filing the class opening and its first day (GL 3 working days R-GL-3, JZ 5 R-JZ-3, WS 1 week R-WS-5).</summary>
    public const string LeadTime = "classOpening.leadTime";
    /// <summary>Lead time for order-based (订单式) training (WS 15 calendar days, R-WS-5).</summary>
    public const string LeadTimeOrderBased = "classOpening.leadTimeOrderBased";
    /// <summary>Distinct people who co-sign the approval (QJ 2, R-QJ-8; YN §十八 collective decision, a setting).</summary>
    public const string CoSigners = "classOpening.coSigners";
    /// <summary>The approved opening is filed with the finance bureau (WS, R-WS-5).</summary>
    public const string FinanceFiling = "classOpening.financeFiling";
    /// <summary>Opening materials filed with the city before opening (QJ §二(七), R-QJ-9).</summary>
    public const string CityFiling = "classOpening.cityFiling";
    /// <summary>Classes only in occupations of the institution's licence (GL, R-GL-1).</summary>
    public const string LicensedOccupationsOnly = "classOpening.licensedOccupationsOnly";
    /// <summary>Vacancies offered per trainee (JZ 3, "不少于1:3", R-JZ-3).</summary>
    public const string VacanciesPerTrainee = "classOpening.vacanciesPerTrainee";
    /// <summary>The occupation has a training standard, an evaluation standard and an evaluator (YN, R-YN-8).</summary>
    public const string StandardsRequired = "classOpening.standardsRequired";
    /// <summary>Theory and practical teachers are different people (YN, R-YN-6).</summary>
    public const string DistinctTeachers = "classOpening.distinctTeachers";
    /// <summary>Least teachers of an entrepreneurship class (GL 2, R-GL-7).</summary>
    public const string EntrepreneurshipMinTeachers = "entrepreneurship.minTeachers";
    /// <summary>Most trainees of an entrepreneurship class (GL 30, R-GL-7).</summary>
    public const string EntrepreneurshipMaxTrainees = "entrepreneurship.maxTrainees";
    /// <summary>Most trainees in a practical group (WS 5, R-WS-7).</summary>
    public const string PracticalGroupMax = "classOpening.practicalGroupMax";
    /// <summary>Least area of the theory room (WS 50 m², R-WS-8).</summary>
    public const string TheoryRoomMinArea = "classOpening.theoryRoomMinArea";
    /// <summary>Most online training hours a trainee may log in one day (YN 8, R-YN-4).</summary>
    public const string OnlineMaxHoursPerDay = "classOpening.onlineMaxHoursPerDay";
    /// <summary>Trainees' legal working age in years (JZ, R-JZ-1).</summary>
    public const string WorkingAge = "trainees.workingAge";
    /// <summary>The target groups (培训对象) trainees must belong to (JZ §一, R-JZ-1).</summary>
    public const string TargetGroups = "trainees.targetGroups";

    // ── Training supervision (培训过程) ────────────────────────────────────────────────────────────────────
    /// <summary>Least attendance rate for completion and subsidy, attended ÷ planned hours (GL 80 %, R-GL-4; YN 80 %, R-YN-9c).</summary>
    public const string AttendanceMinRate = "attendance.minRate";
    /// <summary>Sign-in and sign-out every morning and afternoon (YN, R-YN-9).</summary>
    public const string HalfDaySignIn = "attendance.halfDaySignIn";
    /// <summary>Impersonations (冒名顶替, person-times) in one class that cancel the whole class's subsidy (JZ 3, R-JZ-4).</summary>
    public const string ImpersonationLimit = "attendance.impersonationLimit";
    /// <summary>Least on-site inspections per class (YN 2, R-YN-9b; GL 1, R-GL-9).</summary>
    public const string InspectionsMin = "inspection.minPerClass";
    /// <summary>Most on-site inspections per class (GL 2, R-GL-9).</summary>
    public const string InspectionsMax = "inspection.maxPerClass";
    /// <summary>Inspectors per inspection group (GL 2, R-GL-9).</summary>
    public const string InspectorsPerGroup = "inspection.inspectorsPerGroup";
    /// <summary>Least trainees phoned per class in a phone check (YN 5, R-YN-9b).</summary>
    public const string PhoneCheckMin = "inspection.phoneCheckMin";
    /// <summary>Least share of a year's classes the city samples for spot checks (QJ 10 %, R-QJ-7).</summary>
    public const string SpotCheckRate = "inspection.spotCheckRate";
    /// <summary>Spot-check classes and inspectors drawn at random (YN §七 双随机, R-YN-7).</summary>
    public const string RandomDraw = "inspection.randomDraw";

    // ── Completion, acceptance, subsidy (验收与补贴) ─────────────────────────────────────────────────────────
    /// <summary>Subsidy per trainee per day by training mode (WS §五, R-WS-13): settings, no seed gives a rate.</summary>
    public const string DailyRatePrefix = "subsidy.dailyRate.";
    /// <summary>Least pass rate on the approved headcount before the subsidised headcount is cut (WS 80 %, R-WS-14).</summary>
    public const string PassRateMin = "subsidy.passRateMin";
    /// <summary>Least employment rate before the class is paid at the general rate (WS 80 %, R-WS-14).</summary>
    public const string EmploymentRateMin = "subsidy.employmentRateMin";
    /// <summary>Missing video deducts the missing half day or day (WS, R-WS-14).</summary>
    public const string VideoGapDeduction = "subsidy.videoGapDeduction";
    /// <summary>Share paid in advance for eligible classes (YN 50 %, R-YN-1).</summary>
    public const string AdvanceShare = "subsidy.advanceShare";
    /// <summary>Target groups whose tendered project training may be advanced (YN: 脱贫人口, 失业人员, 退役军人; R-YN-1).</summary>
    public const string AdvanceTargetGroups = "subsidy.advanceTargetGroups";
    /// <summary>A certificate (or its number) is a precondition of the subsidy (YN §五, R-YN-5).</summary>
    public const string CertificateRequired = "subsidy.certificateRequired";
    /// <summary>Subsidies are publicised before payment (YN §十九, R-YN-12b).</summary>
    public const string Publicity = "subsidy.publicity";
    /// <summary>Length of the publicity before payment (R-YN-12b): a setting, no seed gives it.</summary>
    public const string PublicityDays = "subsidy.publicityDays";
    /// <summary>A financial approval separate from the business approval (YN §十五, R-YN-10).</summary>
    public const string FinancialApproval = "payment.financialApproval";
    /// <summary>Acceptance that fails returns the materials; payment waits for the corrected pack (WS §五(三), R-WS-15).</summary>
    public const string ReturnOnFailure = "acceptance.returnOnFailure";
    /// <summary>Employment proofs are part of acceptance (WS §四(三), R-WS-16).</summary>
    public const string EmploymentProofs = "acceptance.employmentProofs";

    // ── Follow-up (就业跟踪回访) ───────────────────────────────────────────────────────────────────────────
    /// <summary>Least share of trainees phoned after training (GL 10 %, R-GL-11).</summary>
    public const string FollowUpRate = "followUp.rate";
    /// <summary>Least share for 以工代训 (GL 30 %, R-GL-11).</summary>
    public const string FollowUpRateWorkBased = "followUp.rateWorkBased";
    /// <summary>Follow-up within this many months of the end of training (JZ 6, R-JZ-6).</summary>
    public const string FollowUpWithinMonths = "followUp.withinMonths";
    /// <summary>Months of monthly follow-up after a trainee starts a business (GL 6, R-GL-7).</summary>
    public const string StartUpFollowUpMonths = "followUp.startUpMonths";

    // ── Procurement and contracts (采购与合同) ───────────────────────────────────────────────────────────────
    /// <summary>A class may be opened only under a current contract covering its occupation and area (WS R-WS-1, YN R-YN-2, QJ R-QJ-4): the rule a missing contract cites.</summary>
    public const string ContractRequired = "contract.required";
    /// <summary>A contract is signed for this many years at a time and must be renewed to stay current (WS 1, "合同一年一订", R-WS-1).</summary>
    public const string ContractRenewalYears = "contract.renewalYears";
    /// <summary>Least share of order-based (订单式) training in the contracted task (WS 30 %, R-WS-3).</summary>
    public const string OrderBasedShareMin = "contract.orderBasedShareMin";
    /// <summary>Areas drawn by lot with their yearly quotas, persons per area (WS, R-WS-2): a setting, the seed gives no areas or numbers.</summary>
    public const string LotteryAreas = "lottery.areas";
    /// <summary>Areas never drawn, where every institution recruits freely (WS 凤城镇四关四街, R-WS-2).</summary>
    public const string FreeRecruitmentAreas = "lottery.freeRecruitmentAreas";

    /// <summary>A contract's service term in years (WS 3, "服务期限为三年", R-WS-1); where absent the award gives its end date.</summary>
    public const string ContractTermYears = "contract.termYears";

    // ── Annual plan and tender (年度计划与招标) ──────────────────────────────────────────────────────────────
    /// <summary>Day (MM-dd) by which a county drafts next year's plan (YN 11-30, "11月底前", R-YN-2).</summary>
    public const string PlanDraftDue = "plan.draftDue";
    /// <summary>Day (MM-dd) by which the prefecture-reviewed plan reaches the province (YN 12-15, "12月中旬前", R-YN-2).</summary>
    public const string PlanProvinceSubmissionDue = "plan.provinceSubmissionDue";
    /// <summary>An occupation added to the plan needs a national standard and an in-province evaluation institution (YN, R-YN-3).</summary>
    public const string PlanAddedOccupationStandards = "plan.addedOccupationStandards";
    /// <summary>The tender notice names the occupations (YN, R-YN-2).</summary>
    public const string TenderNamesOccupations = "tender.namesOccupations";
    /// <summary>A tender may not be restricted to short-listed institutions (YN "禁止只招入围机构", R-YN-2).</summary>
    public const string TenderShortlistOnlyForbidden = "tender.shortlistOnlyForbidden";
    /// <summary>Levels the notice is filed with, in order, before publication (YN prefecture, province; R-YN-2).</summary>
    public const string TenderFilingBeforePublication = "tender.filingBeforePublication";
    /// <summary>The only procurement methods allowed (WS open tender, R-WS-1).</summary>
    public const string TenderMethods = "tender.methods";
    /// <summary>Methods that need the city agency's prior consent (QJ invited tender, competitive negotiation, R-QJ-3).</summary>
    public const string TenderConsentRequired = "tender.consentRequired";
    /// <summary>The object of the tender is the planned headcount (QJ "标的为培训计划人数", R-QJ-3).</summary>
    public const string TenderObjectIsPlannedHeadcount = "tender.objectIsPlannedHeadcount";
    /// <summary>Criteria every score sheet must weigh (QJ: teachers, facilities, track record, employment rate, training time,
    /// pass rate, financial compliance; R-QJ-3); local criteria may be added in <see cref="TenderWeights"/>.</summary>
    public const string TenderCriteria = "tender.criteria";
    /// <summary>Weight of each criterion, percent, summing to 100 (a setting: no seed gives weights; QJ R-QJ-3, YN R-YN-2, WS R-WS-1).</summary>
    public const string TenderWeights = "tender.weights";
    /// <summary>Winners of the tender in all (WS 6, R-WS-1).</summary>
    public const string TenderWinners = "tender.winners";
    /// <summary>The selected institutions are publicised before the contract (QJ, R-QJ-4).</summary>
    public const string TenderPublicity = "tender.publicity";
    /// <summary>Length of the publicity (QJ, R-QJ-4): a setting, no seed gives it.</summary>
    public const string TenderPublicityDays = "tender.publicityDays";

    // ── Institutions (培训机构) ───────────────────────────────────────────────────────────────────────────────
    /// <summary>Only institutions registered (登记备案) at city level take subsidised training (QJ, R-QJ-1).</summary>
    public const string CityRegistration = "institutions.cityRegistration";
    /// <summary>Least SIYB-certified teachers, not excluded from the pool, for entrepreneurship training (QJ 2, R-QJ-2).</summary>
    public const string SiybTeachersMin = "entrepreneurship.siybTeachersMin";
}
