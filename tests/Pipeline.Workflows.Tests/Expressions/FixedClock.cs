namespace Pipeline.Workflows.Tests.Expressions;

/// <summary>A clock stopped at one instant, for <c>now()</c> and <c>today()</c>.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
