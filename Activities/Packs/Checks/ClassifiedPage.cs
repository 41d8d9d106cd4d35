using Pipeline.Activities.Documents.Pages;

namespace Pipeline.Activities.Packs.Checks;

/// <summary>A page with its text, section and readability, as the checks see it.</summary>
public sealed record ClassifiedPage(PageText Page, string Section, bool Readable)
{
    public int Number => Page.Number;
}
