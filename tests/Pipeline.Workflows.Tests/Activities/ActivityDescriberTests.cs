using Pipeline.Workflows.Activities;

namespace Pipeline.Workflows.Tests.Activities;

/// <summary>What <see cref="ActivityDescriber"/> reads from an activity's attributes: the Chinese texts beside the English ones.</summary>
public class ActivityDescriberTests
{
    public sealed record In
    {
        [ActivityInput("Jurisdiction profile name", DescriptionZh = "辖区配置名称")]
        public required string Profile { get; init; }

        [ActivityInput("Days of notice", Required = false)]
        public int? NoticeDays { get; init; }
    }

    public sealed record Out
    {
        [ActivityOutput("Latest filing day", DescriptionZh = "最迟报送日期")]
        public DateOnly? LatestFiling { get; init; }
    }

    [Activity("test.bilingual", "Test", DisplayName = "Bilingual", DisplayNameZh = "双语",
        Description = "Checks the notice.", DescriptionZh = "检查提前报送时限（R-GL-3）。")]
    private sealed class Bilingual : IActivity<In, Out>
    {
        public Task<ActivityResult<Out>> ExecuteAsync(In input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    [Activity("test.english", "Test", DisplayName = "English only", DisplayNameZh = "仅英文", Description = "No Chinese description.")]
    private sealed class EnglishOnly : IActivity<In, Out>
    {
        public Task<ActivityResult<Out>> ExecuteAsync(In input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    [Fact]
    public void The_Chinese_descriptions_of_an_activity_and_its_ports_are_carried_beside_the_English_ones()
    {
        var d = ActivityDescriber.Describe(typeof(Bilingual));
        Assert.Equal(("Checks the notice.", "检查提前报送时限（R-GL-3）。"), (d.Description, d.DescriptionZh));
        Assert.Equal(new ActivityPortDescriptor("profile", "string", "Jurisdiction profile name", "辖区配置名称", true), d.Inputs[0]);
        Assert.Equal(new ActivityPortDescriptor("noticeDays", "number", "Days of notice", null, false), d.Inputs[1]);
        Assert.Equal(new ActivityPortDescriptor("latestFiling", "date", "Latest filing day", "最迟报送日期", false), Assert.Single(d.Outputs));
    }

    [Fact]
    public void An_activity_without_a_Chinese_description_is_described_with_null()
    {
        var d = ActivityDescriber.Describe(typeof(EnglishOnly));
        Assert.Equal("No Chinese description.", d.Description);
        Assert.Null(d.DescriptionZh);
    }
}
