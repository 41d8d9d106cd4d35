using System.Text.RegularExpressions;
using Pipeline.Activities.Catalogue;
using Pipeline.Host.Catalogue;
using Pipeline.Workflows.Activities;

namespace Pipeline.Host.Tests.Designer;

/// <summary>
/// The catalogue speaks Chinese to bureau staff: every activity and every input and output has a Chinese description,
/// and the designer's element templates show it first, the English after.
/// </summary>
public sealed partial class ElementTemplateTests
{
    /// <summary>What a Chinese text keeps of the English one as it is: rule ids, variable names and JSON keys in camelCase, dotted paths.</summary>
    [GeneratedRegex(@"\bR-[A-Z]{2}-\d+[a-z]?\b|\b[a-z]+(?:[A-Z][a-z0-9]*)+\b|\b[a-z]\w+(?:\.[a-z]\w+)+\b")]
    private static partial Regex Verbatim();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [Fact]
    public void Every_catalogue_activity_and_port_has_a_Chinese_description_keeping_rule_ids_and_variable_names()
    {
        var problems = new List<string>();
        void Check(string what, string? english, string? chinese)
        {
            if (string.IsNullOrWhiteSpace(chinese) || !Chinese().IsMatch(chinese))
            {
                problems.Add($"{what}: no Chinese description");
                return;
            }
            foreach (var token in Verbatim().Matches(english ?? "").Select(m => m.Value).Distinct())
                if (!chinese.Contains(token, StringComparison.Ordinal))
                    problems.Add($"{what}: the Chinese description lacks '{token}' of the English one");
        }

        Assert.NotEmpty(ActivityCatalogue.Descriptors);
        foreach (var activity in ActivityCatalogue.Descriptors)
        {
            Check(activity.Type, activity.Description, activity.DescriptionZh);
            foreach (var input in activity.Inputs) Check($"{activity.Type} input {input.Name}", input.Description, input.DescriptionZh);
            foreach (var output in activity.Outputs) Check($"{activity.Type} output {output.Name}", output.Description, output.DescriptionZh);
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_templates_show_the_Chinese_description_first_and_the_English_after()
    {
        var templates = ElementTemplates.Of(ActivityCatalogue.Descriptors);
        foreach (var activity in ActivityCatalogue.Descriptors)
        {
            var template = Assert.Single(templates, t => t!["id"]!.GetValue<string>() == "pipeline." + activity.Type)!;
            Assert.Equal($"{activity.DescriptionZh}（{activity.DisplayName}. {activity.Description}）", template["description"]!.GetValue<string>());
            var properties = template["properties"]!.AsArray();
            foreach (var input in activity.Inputs)
                Assert.Equal($"{input.DescriptionZh} ({input.Description})",
                    Assert.Single(properties, p => p!["binding"]!["type"]!.GetValue<string>() == "zeebe:input" && p["binding"]!["name"]!.GetValue<string>() == input.Name)!["description"]!.GetValue<string>());
            foreach (var output in activity.Outputs)
                Assert.Equal($"{output.DescriptionZh} ({output.Description})",
                    Assert.Single(properties, p => p!["binding"]!["type"]!.GetValue<string>() == "zeebe:output" && p["binding"]!["source"]!.GetValue<string>() == "=" + output.Name)!["description"]!.GetValue<string>());
        }

        var subsidy = Assert.Single(templates, t => t!["id"]!.GetValue<string>() == "pipeline.subsidy.compute")!;
        Assert.StartsWith("核算一个班的培训补贴", subsidy["description"]!.GetValue<string>());
        Assert.Contains("（Compute subsidy. Subsidy of a class", subsidy["description"]!.GetValue<string>());
    }

    [Fact]
    public void Without_a_Chinese_description_a_template_shows_the_English_alone()
    {
        var activity = new ActivityDescriptor("test.english", "Test", "English only", "仅英文", "No Chinese yet.", null, ["done"], false,
            [new ActivityPortDescriptor("profile", "string", "Jurisdiction profile name", null, true)],
            [new ActivityPortDescriptor("amount", "number", "Subsidy in yuan", "补贴金额（元）", false)]);
        var template = ElementTemplates.Of(activity);
        Assert.Equal("English only. No Chinese yet.", template["description"]!.GetValue<string>());
        var properties = template["properties"]!.AsArray();
        Assert.Contains(properties, p => p!["description"]?.GetValue<string>() == "Jurisdiction profile name");
        Assert.Contains(properties, p => p!["description"]?.GetValue<string>() == "补贴金额（元） (Subsidy in yuan)");
    }
}
