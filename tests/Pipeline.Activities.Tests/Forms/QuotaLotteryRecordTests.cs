using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Pipeline.Activities.Forms;
using Pipeline.Activities.Procurement.Lottery;
using Pipeline.Activities.Tests.Procurement;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pipeline.Activities.Tests.Forms;

/// <summary>培训区域和任务数抽签记录 (R-WS-2): read back by LibreOffice and from the package itself.</summary>
[Collection(LibreOfficeCollection.Name)]
public sealed class QuotaLotteryRecordTests(ConvertedForms forms)
{
    private static void InOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' not found after position {at} in:\n{text}");
            at = found + part.Length;
        }
    }

    [Fact]
    public void QuotaLotteryRecord_reads_back_with_seed_participants_draw_order_result_and_signatures_R_WS_2()
    {
        var text = forms["quota-lottery-record"];
        InOrder(text, "2023年度培训区域和任务数抽签记录",
            "组织单位", "文水县人力资源和社会保障局", "抽签日期", "2023年3月15日", "抽签地点", "县人社局三楼会议室",
            "依据", "R-WS-2", "随机种子", "文水-2023-抽签", "抽签方法", "SHA-256",
            "一、参加抽签的培训机构", "抽签顺序", "培训机构", "机构代表（签字）",
            "1", "文水县晋中职业培训学校", "2", "文水县新星职业培训学校", "3", "文水县华信职业培训学校",
            "二、抽签结果", "签号", "培训区域", "培训机构", "年度任务数（人）",
            "1", "南庄镇", "文水县晋中职业培训学校", "100",
            "2", "孝义镇", "文水县新星职业培训学校", "100",
            "3", "开栅镇", "文水县华信职业培训学校", "120",
            "4", "下曲镇", "文水县晋中职业培训学校", "80",
            "合计", "400",
            "凤城镇四关四街内不进行抽签，各培训机构可根据已公布的工种目录进行自主招生组织培训（R-WS-2）。",
            "工作人员（签字）：郭建平 __________　　李春梅 __________",
            "监督见证人员（签字）：王志刚 __________",
            "2023年3月15日");
        Assert.DoesNotContain("（系统生成）", text);
        Assert.Contains(FormSamples.MaskedPhone, text);
    }

    [Fact]
    public void QuotaLotteryRecord_renders_the_output_of_quota_draw_as_it_is()
    {
        var lottery = QuotaLottery.Draw(null, QuotaLotteryTests.Institutions, QuotaLotteryTests.Areas, ["凤城镇四关四街"], "R-WS-2");
        var data = new JsonObject
        {
            ["bureau"] = "文水县人力资源和社会保障局", ["year"] = 2023, ["date"] = "2023-03-15",
            ["lottery"] = JsonSerializer.SerializeToNode(lottery, FormCatalog.Json),
        };
        var bytes = FormCatalog.Get("quota-lottery-record").Render(JsonSerializer.SerializeToElement(data));

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var tables = doc.MainDocumentPart!.Document!.Body!.Descendants<W.Table>().ToList();
        var result = tables[2].Descendants<W.TableRow>().Skip(1).SkipLast(1)
            .Select(r => r.Descendants<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(lottery.Assignments.Select(a => new List<string> { a.Lot.ToString(), a.Area, a.Institution, a.Quota.ToString() }), result);
        var body = doc.MainDocumentPart.Document.Body.InnerText;
        Assert.Contains(lottery.Seed + "（系统生成）", body);
        Assert.Contains("工作人员（签字）：__________　　__________", body);
    }

    [Fact]
    public void QuotaLotteryRecord_refuses_a_result_for_an_institution_that_did_not_draw()
    {
        var data = JsonNode.Parse(FormSamples.QuotaLotteryRecord)!.AsObject();
        data["lottery"]!["assignments"]![0]!["institution"] = "文水县汾河职业培训学校";
        var e = Assert.Throws<ArgumentException>(() => FormCatalog.Get("quota-lottery-record").Render(JsonSerializer.SerializeToElement(data)));
        Assert.Contains("文水县汾河职业培训学校 did not take part", e.Message);
    }
}
