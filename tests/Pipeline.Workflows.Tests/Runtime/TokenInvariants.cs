using Pipeline.Workflows.Runtime;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>What must hold of an instance at rest (after every engine call): no token lost, none duplicated, no bookmark orphaned.</summary>
public static class TokenInvariants
{
    public static ProcessInstance Check(ProcessInstance instance)
    {
        var ids = instance.Tokens.Select(t => t.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(instance.Bookmarks.Count, instance.Bookmarks.Select(b => b.Id).Distinct().Count());
        foreach (var token in instance.Tokens)
        {
            Assert.NotEqual(TokenState.Ready, token.State);
            if (token.ParentId is { } parent)
                Assert.Contains(instance.Tokens, t => t.Id == parent && t.State == TokenState.Scope);
            if (token.State == TokenState.Waiting)
                Assert.Contains(instance.Bookmarks, b => b.TokenId == token.Id);
            if (token.State == TokenState.Scope)
                Assert.Contains(instance.Tokens, t => t.ParentId == token.Id);
            if (token.State == TokenState.Incident)
                Assert.False(string.IsNullOrEmpty(token.Incident));
        }
        foreach (var bookmark in instance.Bookmarks)
            Assert.Contains(instance.Tokens, t => t.Id == bookmark.TokenId && t.State is TokenState.Waiting or TokenState.Scope or TokenState.Incident);
        // At most one own wait per token (its node); other bookmarks of a token are subscriptions for other nodes.
        foreach (var token in instance.Tokens)
            Assert.True(instance.Bookmarks.Count(b => b.TokenId == token.Id && b.NodeId == token.NodeId) <= 1, $"token {token.Id} waits twice at {token.NodeId}");
        if (instance.Status != InstanceStatus.Active)
        {
            Assert.Empty(instance.Tokens);
            Assert.Empty(instance.Bookmarks);
            Assert.NotNull(instance.EndedAt);
        }
        return instance;
    }
}
