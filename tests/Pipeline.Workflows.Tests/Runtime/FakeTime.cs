namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>A clock the test moves by hand, in China Standard Time (UTC+8, no daylight saving).</summary>
public sealed class FakeTime(DateTimeOffset now) : TimeProvider
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("UTC+08", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public DateTimeOffset Now { get; private set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => Beijing;

    public void Advance(TimeSpan by) => Now += by;
}
