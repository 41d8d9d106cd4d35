using System.Text.Json;

namespace Pipeline.Activities.Tests.Forms;

/// <summary>
/// One realistic record per form, as the JSON a workflow passes to <c>form.render</c>. Full ID and mobile numbers are
/// planted in them on purpose: no rendered form may show them.
/// </summary>
public static class FormSamples
{
    public const string FullPhone = "13812345678";
    public const string MaskedPhone = "138****5678";
    public const string FullId = "410802199003071234";
    public const string MaskedId = "410802********1234";

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Every form id with its sample record.</summary>
    public static IReadOnlyDictionary<string, JsonElement> ById { get; } = new Dictionary<string, JsonElement>
    {
        ["qj-approval-form"] = Json(QujingApproval),
        ["gl-inspection-record"] = Json(GuilinInspection),
        ["subsidy-application"] = Json(SubsidyApplication),
        ["acceptance-notice"] = Json(AcceptanceNotice),
        ["return-notice"] = Json(ReturnNotice),
        ["quota-lottery-record"] = Json(QuotaLotteryRecord),
        ["qj-quarterly-statistics"] = Json(QujingQuarterly),
        ["jz-employment-statistics"] = Json(JiaozuoEmployment),
        ["yn-annual-summary"] = Json(YunnanAnnual),
    };

    public const string QujingApproval = $$"""
        {
          "applicant": "曲靖市麒麟区阳光职业培训学校",
          "category": "entrepreneurship-basics",
          "place": "麒麟区南宁西路88号阳光培训楼301室",
          "occupation": "创业者",
          "headcount": 30,
          "start": "2026-05-11",
          "end": "2026-05-20",
          "hours": 80,
          "certificate": "training-completion",
          "targetGroups": {
            "poorHouseholdLabour": 6,
            "graduatingCollegeStudents": 9,
            "ruralMigrantWorkers": 8,
            "registeredUrbanUnemployed": 5,
            "unplacedSchoolLeavers": 2
          },
          "approval": {
            "opinion": "经集体研究，同意开班。",
            "sectionHead": "李建国",
            "sectionHeadSignedOn": "2026-05-06",
            "unitHead": "王秀英",
            "unitHeadSignedOn": "2026-05-07"
          },
          "applicantHead": "张明",
          "handler": "赵丽",
          "phone": "{{FullPhone}}",
          "date": "2026-05-04"
        }
        """;

    public const string GuilinInspection = """
        {
          "institution": "桂林市七星区技能职业培训学校",
          "className": "2026年第3期家政服务员培训班",
          "occupation": "家政服务员",
          "place": "七星区漓江路12号实训楼二楼",
          "date": "2026-05-12",
          "start": "09:30",
          "end": "11:00",
          "bureau": "七星区人力资源和社会保障局",
          "inspectors": [ { "name": "陈晓东", "leader": true }, { "name": "黄丽萍" } ],
          "syllabus": { "conforms": true, "note": "按教学大纲讲授第三单元。" },
          "progress": { "conforms": true, "note": "与教学计划第5天安排一致。" },
          "teacherPreparation": { "conforms": false, "note": "授课教师未携带教案。" },
          "attendance": { "expected": 30, "present": 27, "conforms": true, "note": "3人请假，有请假条。" },
          "practicalHours": { "conforms": true, "note": "实操课时占比55%。" },
          "rectification": "补齐教师教案，报城区人社局备查。",
          "rectifyBy": "2026-05-15",
          "institutionRepresentative": "周建华"
        }
        """;

    public const string SubsidyApplication = $$"""
        {
          "institution": "文水县华晋职业技能培训学校",
          "className": "2026年第2期中式烹调师培训班",
          "occupation": "中式烹调师",
          "mode": "订单式培训",
          "caseNumber": "WS-2026-0142",
          "approvedHeadcount": 30,
          "verifiedHeadcount": 28,
          "subsidisedHeadcount": 24,
          "days": 10,
          "dailyRate": 50,
          "amount": 12000,
          "advance": 6000,
          "basis": "合格率不足80%，按不达标比例核减补贴人数。",
          "findings": [
            { "rule": "R-WS-14", "severity": "warning", "message": "合格率73.3%（22/30），核减补贴人数4人。", "page": null },
            { "rule": "R-JZ-3", "severity": "error", "message": "学员花名册第7行身份证号{{FullId}}校验位不符。", "page": 12 }
          ],
          "handler": "郭海燕",
          "reviewer": "任志强",
          "head": "武建平",
          "date": "2026-06-20"
        }
        """;

    public const string AcceptanceNotice = """
        {
          "caseNumber": "WS-2026-0142",
          "institution": "文水县华晋职业技能培训学校",
          "className": "2026年第2期中式烹调师培训班",
          "occupation": "中式烹调师",
          "submittedOn": "2026-06-20",
          "subsidisedHeadcount": 24,
          "acceptedAmount": 12000,
          "bureau": "文水县人力资源和社会保障局",
          "date": "2026-06-28"
        }
        """;

    public const string ReturnNotice = $$"""
        {
          "caseNumber": "WS-2026-0143",
          "institution": "文水县华晋职业技能培训学校",
          "className": "2026年第3期电工培训班",
          "submittedOn": "2026-06-21",
          "findings": [
            { "rule": "R-JZ-8", "severity": "error", "message": "材料目录缺少页码。", "page": 2 },
            { "rule": "R-WS-14", "severity": "error", "message": "第3天下午视频资料缺失半天。", "page": null },
            { "rule": "R-JZ-3", "severity": "error", "message": "学员联系电话{{FullPhone}}与花名册不一致。", "page": 9 }
          ],
          "resubmit": [ "标注页码的材料目录", "第3天下午的培训视频" ],
          "resubmitBy": "2026-07-05",
          "bureau": "文水县人力资源和社会保障局",
          "date": "2026-06-28"
        }
        """;

    /// <summary>The lottery of Procurement/QuotaLotteryTests (seed 文水-2023-抽签), four areas among three institutions.</summary>
    public const string QuotaLotteryRecord = $$"""
        {
          "bureau": "文水县人力资源和社会保障局",
          "year": 2023,
          "date": "2023-03-15",
          "place": "县人社局三楼会议室（联系电话{{FullPhone}}）",
          "lottery": {
            "seed": "文水-2023-抽签",
            "seedDrawn": false,
            "participants": [ "文水县华信职业培训学校", "文水县新星职业培训学校", "文水县晋中职业培训学校" ],
            "drawOrder": [ "文水县晋中职业培训学校", "文水县新星职业培训学校", "文水县华信职业培训学校" ],
            "lots": [ "南庄镇", "孝义镇", "开栅镇", "下曲镇" ],
            "assignments": [
              { "lot": 1, "area": "南庄镇", "institution": "文水县晋中职业培训学校", "quota": 100 },
              { "lot": 2, "area": "孝义镇", "institution": "文水县新星职业培训学校", "quota": 100 },
              { "lot": 3, "area": "开栅镇", "institution": "文水县华信职业培训学校", "quota": 120 },
              { "lot": 4, "area": "下曲镇", "institution": "文水县晋中职业培训学校", "quota": 80 }
            ],
            "freeRecruitment": [ "凤城镇四关四街" ],
            "rule": "R-WS-2"
          },
          "staff": [ "郭建平", "李春梅" ],
          "witnesses": [ "王志刚" ]
        }
        """;

    public const string QujingQuarterly = """
        {
          "reporter": "曲靖市麒麟区劳动就业服务中心",
          "year": 2026,
          "quarter": 2,
          "date": "2026-07-05",
          "rows": [
            { "category": "employment-skills", "classes": 3, "trainees": 95, "passed": 88, "subsidy": 142500, "institutions": [ "阳光职业培训学校", "麒麟技工学校" ] },
            { "category": "employment-skills", "classes": 1, "trainees": 30, "passed": 27, "subsidy": 45000.5, "institutions": [ "阳光职业培训学校" ] },
            { "category": "entrepreneurship-basics", "classes": 2, "trainees": 60, "passed": 57, "subsidy": 72000, "institutions": [ "曲靖创业培训中心" ] }
          ]
        }
        """;

    public const string JiaozuoEmployment = """
        {
          "institution": "焦作市山阳区启航职业培训学校",
          "year": 2026,
          "date": "2026-12-28",
          "rows": [
            { "occupation": "育婴员", "sessions": 4, "trained": 160, "completed": 152, "employedByUnit": 90, "selfEmployed": 8, "flexible": 22 },
            { "occupation": "电工", "sessions": 2, "trained": 80, "completed": 75, "employedByUnit": 50, "selfEmployed": 3, "flexible": 7 }
          ]
        }
        """;

    public const string YunnanAnnual = """
        {
          "reporter": "曲靖市人力资源和社会保障局",
          "year": 2026,
          "date": "2027-01-05",
          "quarters": [
            { "quarter": 1, "classes": 12, "trainees": 480, "assessed": 450, "passed": 423, "subsidy": 576000.5, "institutions": 8 },
            { "quarter": 2, "classes": 10, "trainees": 400, "assessed": 380, "passed": 361, "subsidy": 500000, "institutions": 7 },
            { "quarter": 3, "classes": 5, "trainees": 200, "assessed": 0, "passed": 0, "subsidy": 0, "institutions": 3 }
          ],
          "institutionsInYear": 11,
          "notes": ["第3季度：5 个班尚无结业考核结果"]
        }
        """;
}
