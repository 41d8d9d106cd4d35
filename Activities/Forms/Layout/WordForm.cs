using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Pipeline.Activities.Rosters;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pipeline.Activities.Forms.Layout;

internal enum Align { Left, Center, Right, Both }

/// <summary>How a paragraph looks: size in points (小二 18, 四号 14, 小四 12, 五号 10.5), spacing in points.</summary>
internal readonly record struct TextStyle(double Size = 12, bool Bold = false, Align Align = Align.Left, int IndentChars = 0,
    double Before = 0, double After = 0, double LineSpacing = 1)
{
    /// <summary>Form or notice title: 小二, bold, centred.</summary>
    public static TextStyle Title => new(18, Bold: true, Align: Align.Center, Before: 6, After: 12);

    /// <summary>Notice body: 四号, first line indented two characters, 1.5 lines.</summary>
    public static TextStyle Body => new(14, IndentChars: 2, LineSpacing: 1.5);

    /// <summary>A line above or below a table: 小四.</summary>
    public static TextStyle Line => new(12, LineSpacing: 1.3);

    /// <summary>Notes (注) under a form: 五号.</summary>
    public static TextStyle Note => new(10.5, LineSpacing: 1.2);
}

internal enum Merge { None, Start, Continue }

/// <summary>A table cell: text (<c>\n</c> starts a new paragraph), columns spanned, vertical merge, look.</summary>
internal sealed record Cell(string Text)
{
    public int Span { get; init; } = 1;
    public Merge Merge { get; init; }
    public Align Align { get; init; } = Align.Center;
    public bool Bold { get; init; }

    /// <summary>Text at the top of the cell (an opinion box), not centred vertically.</summary>
    public bool Top { get; init; }

    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// A small builder of A4 Word forms: paragraphs and bordered tables in 宋体 (Times New Roman for Latin letters and
/// digits), fonts set in every run. Every text passes <see cref="SensitiveText.Mask"/>: no full ID or mobile number
/// reaches a form.
/// </summary>
internal sealed class WordForm(string title, DateOnly date)
{
    public const int PageWidth = 11906, PageHeight = 16838; // A4 in twips
    public const int MarginTop = 1440, MarginBottom = 1304, MarginSide = 1418; // 2.54 cm, 2.3 cm, 2.5 cm
    public const int TextWidth = PageWidth - 2 * MarginSide;
    public const string EastAsiaFont = "宋体";
    public const string LatinFont = "Times New Roman";

    private readonly W.Body _body = new();

    public WordForm Paragraph(string text, TextStyle style)
    {
        foreach (var line in text.Split('\n')) _body.Append(Para(line, style));
        return this;
    }

    /// <summary>A bordered table with columns in proportion to <paramref name="weights"/>, as wide as the text.</summary>
    public WordTable Table(double size, params int[] weights)
    {
        var table = new WordTable(weights, size);
        _body.Append(table.Element);
        return table;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddNewPart<MainDocumentPart>(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", OfficePackage.MainId);
            main.AddNewPart<StyleDefinitionsPart>("rId1").Styles = Styles();
            main.AddNewPart<FontTablePart>("rId2").Fonts = FontTable();
            var body = (W.Body)_body.CloneNode(true);
            if (body.LastChild is W.Table) body.Append(new W.Paragraph());
            body.Append(new W.SectionProperties(
                new W.PageSize { Width = PageWidth, Height = PageHeight },
                new W.PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginSide, Right = MarginSide, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new W.Document(body);
            OfficePackage.WriteCoreProperties(doc, title, date);
        }
        return OfficePackage.Seal(stream, date);
    }

    internal static W.Paragraph Para(string text, TextStyle style)
    {
        var properties = new W.ParagraphProperties(
            new W.SpacingBetweenLines
            {
                Before = Twips(style.Before), After = Twips(style.After),
                Line = ((int)Math.Round(240 * style.LineSpacing)).ToString(), LineRule = W.LineSpacingRuleValues.Auto,
            });
        if (style.IndentChars > 0)
            properties.Append(new W.Indentation { FirstLineChars = style.IndentChars * 100, FirstLine = Twips(style.Size * style.IndentChars) });
        properties.Append(new W.Justification { Val = style.Align switch
        {
            Align.Center => W.JustificationValues.Center,
            Align.Right => W.JustificationValues.Right,
            Align.Both => W.JustificationValues.Both,
            _ => W.JustificationValues.Left,
        } });
        properties.Append(new W.ParagraphMarkRunProperties(RunProperties(style).ChildElements.Select(e => e.CloneNode(true))));
        var paragraph = new W.Paragraph(properties);
        if (text.Length > 0)
            paragraph.Append(new W.Run(RunProperties(style), new W.Text(SensitiveText.Mask(text)) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static W.RunProperties RunProperties(TextStyle style)
    {
        var run = new W.RunProperties(new W.RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = EastAsiaFont, ComplexScript = LatinFont });
        if (style.Bold) run.Append(new W.Bold(), new W.BoldComplexScript());
        var halfPoints = ((int)Math.Round(style.Size * 2)).ToString();
        run.Append(new W.FontSize { Val = halfPoints }, new W.FontSizeComplexScript { Val = halfPoints });
        return run;
    }

    private static string Twips(double points) => ((int)Math.Round(points * 20)).ToString();

    /// <summary>
    /// The fonts used, described as Word describes them (宋体 with its Latin name SimSun). A machine without SimSun
    /// substitutes what its font configuration gives: LibreOffice on Debian shows Noto Sans CJK.
    /// </summary>
    private static W.Fonts FontTable() => new(
        new W.Font(
            new W.AltName { Val = "SimSun" },
            new W.Panose1Number { Val = "02010600030101010101" },
            new W.FontCharSet { Val = "86" },
            new W.FontFamily { Val = W.FontFamilyValues.Roman },
            new W.Pitch { Val = W.FontPitchValues.Variable }) { Name = EastAsiaFont },
        new W.Font(
            new W.Panose1Number { Val = "02020603050405020304" },
            new W.FontCharSet { Val = "00" },
            new W.FontFamily { Val = W.FontFamilyValues.Roman },
            new W.Pitch { Val = W.FontPitchValues.Variable }) { Name = LatinFont });

    private static W.Styles Styles() => new(
        new W.DocDefaults(
            new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                new W.RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = EastAsiaFont, ComplexScript = LatinFont },
                new W.FontSize { Val = "24" },
                new W.Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(
                new W.SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto }))),
        new W.Style(new W.StyleName { Val = "Normal" }, new W.PrimaryStyle()) { Type = W.StyleValues.Paragraph, StyleId = "Normal", Default = true });
}

/// <summary>Rows of a bordered, fixed-layout table of <see cref="WordForm"/>.</summary>
internal sealed class WordTable
{
    private readonly int[] _widths;
    private readonly double _size;

    public WordTable(int[] weights, double size)
    {
        var total = weights.Sum();
        _widths = weights.Select(w => WordForm.TextWidth * w / total).ToArray();
        _widths[^1] += WordForm.TextWidth - _widths.Sum();
        _size = size;
        W.BorderType Line<T>() where T : W.BorderType, new() => new T { Val = W.BorderValues.Single, Size = 6, Space = 0, Color = "000000" };
        Element = new W.Table(
            new W.TableProperties(
                new W.TableWidth { Width = WordForm.TextWidth.ToString(), Type = W.TableWidthUnitValues.Dxa },
                new W.TableJustification { Val = W.TableRowAlignmentValues.Center },
                new W.TableBorders(Line<W.TopBorder>(), Line<W.LeftBorder>(), Line<W.BottomBorder>(), Line<W.RightBorder>(),
                    Line<W.InsideHorizontalBorder>(), Line<W.InsideVerticalBorder>()),
                new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                new W.TableCellMarginDefault(
                    new W.TopMargin { Width = "28", Type = W.TableWidthUnitValues.Dxa },
                    new W.TableCellLeftMargin { Width = 85, Type = W.TableWidthValues.Dxa },
                    new W.BottomMargin { Width = "28", Type = W.TableWidthUnitValues.Dxa },
                    new W.TableCellRightMargin { Width = 85, Type = W.TableWidthValues.Dxa })),
            new W.TableGrid(_widths.Select(w => new W.GridColumn { Width = w.ToString() })));
    }

    public W.Table Element { get; }

    public WordTable Row(params Cell[] cells) => Row(0, cells);

    /// <summary>A row at least <paramref name="minHeight"/> points high (0: as high as its text).</summary>
    /// <exception cref="ArgumentException">The cells do not span exactly the table's columns.</exception>
    public WordTable Row(double minHeight, params Cell[] cells)
    {
        if (cells.Sum(c => c.Span) != _widths.Length)
            throw new ArgumentException($"a row spans {cells.Sum(c => c.Span)} of {_widths.Length} columns", nameof(cells));
        var row = new W.TableRow(new W.TableRowProperties(
            new W.CantSplit(),
            new W.TableRowHeight { Val = (uint)Math.Round(minHeight * 20), HeightType = W.HeightRuleValues.AtLeast }));
        var column = 0;
        foreach (var cell in cells)
        {
            var width = _widths.Skip(column).Take(cell.Span).Sum();
            column += cell.Span;
            var properties = new W.TableCellProperties(new W.TableCellWidth { Width = width.ToString(), Type = W.TableWidthUnitValues.Dxa });
            if (cell.Span > 1) properties.Append(new W.GridSpan { Val = cell.Span });
            if (cell.Merge != Merge.None)
                properties.Append(new W.VerticalMerge { Val = cell.Merge == Merge.Start ? W.MergedCellValues.Restart : W.MergedCellValues.Continue });
            properties.Append(new W.TableCellVerticalAlignment { Val = cell.Top ? W.TableVerticalAlignmentValues.Top : W.TableVerticalAlignmentValues.Center });
            var style = new TextStyle(_size, cell.Bold, cell.Align);
            var text = cell.Merge == Merge.Continue ? "" : cell.Text;
            row.Append(new W.TableCell([properties, .. text.Split('\n').Select(line => WordForm.Para(line, style))]));
        }
        Element.Append(row);
        return this;
    }
}
