using Pipeline.Activities.Catalogue;
using Pipeline.Activities.Supervision.Attendance;
using Pipeline.Activities.Supervision.Draws;
using Pipeline.Activities.Supervision.FollowUp;
using Pipeline.Activities.Supervision.Inspections;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Tests.Supervision;

/// <summary>The supervision activities as the designer's palette and the deploy-time validator see them.</summary>
public class SupervisionCatalogueTests
{
    [Theory]
    [InlineData(typeof(ImportAttendanceActivity), "attendance.import", "签到表导入", new[] { "ok", "below-threshold" })]
    [InlineData(typeof(CheckInspectionsActivity), "inspection.check", "督查记录审核", new[] { "sufficient", "insufficient" })]
    [InlineData(typeof(DrawSupervisionSampleActivity), "inspection.draw", "随机抽取", new[] { "drawn" })]
    [InlineData(typeof(CheckFollowUpActivity), "followup.check", "就业跟踪回访检查", new[] { "complete", "incomplete" })]
    public void Supervision_activities_are_described_in_their_category(Type activity, string type, string zh, string[] outcomes)
    {
        var d = ActivityDescriber.Describe(activity);
        Assert.Equal((type, "Supervision", zh, false), (d.Type, d.Category, d.DisplayNameZh, d.LongRunning));
        Assert.Equal(outcomes, d.Outcomes);
        Assert.Contains(d.Inputs, i => i is { Name: "profile", TypeName: "string", Required: true });
        Assert.Contains(type, ActivityCatalogue.Types);
    }

    [Fact]
    public void Attendance_import_describes_its_inputs_in_camel_case()
    {
        var d = ActivityDescriber.Describe(typeof(ImportAttendanceActivity));
        Assert.Equal(["document", "profile", "morningHours", "afternoonHours", "plannedHours"], d.Inputs.Select(i => i.Name));
        Assert.Contains(d.Outputs, o => o is { Name: "trainees", TypeName: "list" });
        Assert.Contains(d.Outputs, o => o is { Name: "belowThreshold", TypeName: "number" });
    }
}
