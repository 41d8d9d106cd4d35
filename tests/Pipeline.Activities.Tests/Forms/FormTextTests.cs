using Xunit.Abstractions;

namespace Pipeline.Activities.Tests.Forms;

/// <summary>
/// The rendered forms as LibreOffice reads them: every field where the form puts it, the ticked category, masked
/// numbers, amounts in capitals, totals. DOCX text has one table cell per line; XLSX text is tab-separated with text
/// quoted and numbers bare.
/// </summary>
[Collection(LibreOfficeCollection.Name)]
public sealed class FormTextTests(ConvertedForms forms, ITestOutputHelper output)
{
    /// <summary>Asserts that <paramref name="parts"/> occur in <paramref name="text"/> in this order.</summary>
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

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Fact]
    public void LibreOffice_reads_every_form_back()
    {
        output.WriteLine($"rendering and converting every form took {forms.Elapsed.TotalSeconds:0.0} s");
        foreach (var id in FormSamples.ById.Keys) Assert.False(string.IsNullOrWhiteSpace(forms[id]), id);
    }

    [Fact]
    public void No_form_shows_a_full_ID_or_mobile_number()
    {
        foreach (var id in FormSamples.ById.Keys)
        {
            Assert.DoesNotContain(FormSamples.FullPhone, forms[id]);
            Assert.DoesNotContain(FormSamples.FullId, forms[id]);
        }
    }

    [Fact]
    public void QujingApprovalForm_has_every_field_and_ticks_only_the_chosen_category()
    {
        var text = forms["qj-approval-form"];
        InOrder(text, "曲靖市职业培训计划审批表", "申报单位（签章）：曲靖市麒麟区阳光职业培训学校",
            "培训类别", "☐就业技能培训　　☑创业基础能力培训　　☐提升创业能力培训",
            "培训地点", "麒麟区南宁西路88号阳光培训楼301室",
            "拟培训职业（工种）或人员", "拟培训人数", "培训期限", "培训课时", "取证类别", "开始时间", "结束时间",
            Lines("创业者", "30", "2026年5月11日", "2026年5月20日", "80", "培训合格证书"),
            "培训对象（人数）", Lines("贫困家庭劳动力", "毕业年度高校毕业生", "农村转移就业劳动者", "城镇登记失业人员", "城乡未继续升学的应届初高中毕业生"),
            Lines("6", "9", "8", "5", "2"),
            "就业服务机构审批意见", "经集体研究，同意开班。",
            "申报单位负责人：张明", "申报单位经办人：赵丽", "联系电话：138****5678",
            "注：1、取证类别分为职业资格证书、专项职业能力证书和培训合格证书。",
            "2、拟培训职业（工种）或人员，就业技能培训填相应职业（工种），创业培训填“创业者”。",
            "3、本表一式三份，县级就业服务机构一份，培训机构两份（申报补贴材料时存档一份）。");
        Assert.Single(text.Split('☑').Skip(1));
    }

    [Fact]
    public void QujingApprovalForm_prints_both_co_signers_with_their_dates_R_QJ_8()
    {
        InOrder(forms["qj-approval-form"], "科室负责人：李建国", "2026年5月6日", "单位负责人：王秀英", "（公章）", "2026年5月7日");
    }

    [Fact]
    public void QujingApprovalForm_without_a_decision_leaves_the_signature_lines_blank()
    {
        var text = forms["qj-approval-form.undecided"];
        InOrder(text, "☑就业技能培训　　☐创业基础能力培训　　☐提升创业能力培训", "中式烹调师",
            "科室负责人：\n　　年　　月　　日", "单位负责人：　　（公章）\n　　年　　月　　日");
        Assert.DoesNotContain("李建国", text);
    }

    [Fact]
    public void GuilinInspectionRecord_lists_the_five_items_of_article_11_with_findings_R_GL_10()
    {
        InOrder(forms["gl-inspection-record"], "现场督查情况表",
            "培训机构", "桂林市七星区技能职业培训学校",
            "培训班（期次）", "2026年第3期家政服务员培训班", "培训职业（工种）", "家政服务员",
            "培训地点", "七星区漓江路12号实训楼二楼",
            "督查时间", "2026年5月12日\n09:30—11:00", "督查单位", "七星区人力资源和社会保障局",
            "督查人员", "陈晓东（组长）、黄丽萍",
            Lines("1", "是否按教学大纲实施教学", "按教学大纲讲授第三单元。", "☑符合　☐不符合"),
            Lines("2", "教学进度与教学计划是否一致", "与教学计划第5天安排一致。", "☑符合　☐不符合"),
            Lines("3", "教师备课授课情况", "授课教师未携带教案。", "☐符合　☑不符合"),
            Lines("4", "学员到课情况（应到/实到）", "应到30人，实到27人（到课90.0%）。3人请假，有请假条。", "☑符合　☐不符合"),
            Lines("5", "实训实操课时是否符合规定要求", "实操课时占比55%。", "☑符合　☐不符合"),
            "整改要求", "补齐教师教案，报城区人社局备查。", "整改期限：2026年5月15日前");
    }

    [Fact]
    public void GuilinInspectionRecord_has_signature_lines_of_both_sides_and_two_copies_R_GL_9()
    {
        InOrder(forms["gl-inspection-record"],
            "督查人员", "（签字）", "组长：陈晓东 __________　　组员：黄丽萍 __________", "2026年5月12日",
            "培训机构", "现场负责人", "（签字）", "周建华 __________", "2026年5月12日",
            "本表一式两份");
    }

    [Fact]
    public void SubsidyApplicationForm_has_headcounts_days_rate_and_the_amount_in_capitals()
    {
        InOrder(forms["subsidy-application"], "职业技能培训补贴申请表",
            "申请单位（盖章）：文水县华晋职业技能培训学校", "编号：WS-2026-0142", "申请日期：2026年6月20日",
            Lines("培训班（期次）", "2026年第2期中式烹调师培训班", "培训职业（工种）", "中式烹调师"),
            Lines("培训方式", "订单式培训", "开班审批人数", "30人"),
            Lines("核实人数", "28人", "补贴人数", "24人"),
            Lines("认定培训天数", "10天", "补贴标准", "50.00元/人/天"),
            "申请补贴金额", "（小写）￥12,000.00元", "（大写）人民币壹万贰仟元整",
            Lines("已预拨金额", "￥6,000.00元", "应拨付余额", "￥6,000.00元"),
            "计算说明", "合格率不足80%，按不达标比例核减补贴人数。");
    }

    [Fact]
    public void SubsidyApplicationForm_lists_the_findings_with_rule_ids_and_signature_lines()
    {
        InOrder(forms["subsidy-application"], "审核发现",
            "1．[R-WS-14] 合格率73.3%（22/30），核减补贴人数4人。（全册）",
            $"2．[R-JZ-3] 学员花名册第7行身份证号{FormSamples.MaskedId}校验位不符。（第12页）",
            "审核签字", "经办人（签字）：郭海燕 __________", "审核人（签字）：任志强 __________", "负责人（签字）：武建平 __________");
    }

    [Fact]
    public void SubsidyApplicationForm_without_advance_or_findings()
    {
        var text = forms["subsidy-application.no-advance"];
        InOrder(text, "（小写）￥1,234,567.89元", "（大写）人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分", "审核发现\n无");
        Assert.DoesNotContain("已预拨金额", text);
    }

    [Fact]
    public void AcceptanceNotice_states_the_accepted_amount()
    {
        InOrder(forms["acceptance-notice"], "验收合格通知书", "案件编号：WS-2026-0142", "文水县华晋职业技能培训学校：",
            "你单位于2026年6月20日报送的“2026年第2期中式烹调师培训班”（培训职业（工种）：中式烹调师）培训补贴申请材料",
            "验收合格", "培训人数24人", "核定培训补贴资金人民币12,000.00元（大写：壹万贰仟元整）",
            "特此通知。", "文水县人力资源和社会保障局", "2026年6月28日");
    }

    [Fact]
    public void ReturnNotice_tabulates_the_findings_and_what_to_resubmit_R_WS_15()
    {
        InOrder(forms["return-notice"], "材料退回补正通知书", "案件编号：WS-2026-0143", "文水县华晋职业技能培训学校：",
            "2026年第3期电工培训班", "验收不合格，现予退回", "于2026年7月5日前重新报送", "验收合格后，再按规定拨付",
            Lines("序号", "规则", "页码", "问题说明"),
            Lines("1", "R-JZ-8", "第2页", "材料目录缺少页码。"),
            Lines("2", "R-WS-14", "全册", "第3天下午视频资料缺失半天。"),
            Lines("3", "R-JZ-3", "第9页", $"学员联系电话{FormSamples.MaskedPhone}与花名册不一致。"),
            "需补正并重新报送的材料：", "1．标注页码的材料目录", "2．第3天下午的培训视频", "一次性告知",
            "特此通知。", "文水县人力资源和社会保障局", "2026年6月28日");
    }

    [Fact]
    public void QujingQuarterlyStatistics_has_a_row_per_category_numbers_as_numbers_and_a_total_R_QJ_6()
    {
        var csv = forms["qj-quarterly-statistics"].Replace("\r\n", "\n");
        InOrder(csv, "\"曲靖市职业培训情况统计表\"", "\"（2026年第2季度）\"",
            "\"填报单位（盖章）：曲靖市麒麟区劳动就业服务中心\"", "\"填报日期：2026年7月5日\"",
            "\"序号\"\t\"培训类别\"\t\"班次（个）\"\t\"人数（人）\"\t\"合格人数（人）\"\t\"合格率\"\t\"补贴资金（元）\"\t\"承办职业培训机构\"\n",
            // Two lines of 就业技能培训 added up; the category nobody trained in is listed with zeros and no rate.
            "1\t\"就业技能培训\"\t4\t125\t115\t92.0%\t187,500.50\t\"阳光职业培训学校、麒麟技工学校\"\n",
            "2\t\"创业基础能力培训\"\t2\t60\t57\t95.0%\t72,000.00\t\"曲靖创业培训中心\"\n",
            "3\t\"提升创业能力培训\"\t0\t0\t0\t\t0.00\t\n",
            "\"合计\"\t\t6\t185\t172\t93.0%\t259,500.50\t\"共3家\"\n",
            "\"填表人（签字）：\"", "\"审核人（签字）：\"", "\"批准人（签字）：\"");
    }

    [Fact]
    public void JiaozuoEmploymentStatistics_has_the_chosen_columns_rates_and_a_total_R_JZ_6()
    {
        var csv = forms["jz-employment-statistics"].Replace("\r\n", "\n");
        InOrder(csv, "\"焦作市山阳区启航职业培训学校2026年度就业情况统计表\"",
            "\"序号\"\t\"培训专业（工种）\"\t\"期数\"\t\"培训人数\"\t\"结业人数\"\t\"就业人数\"\t\"其中\"\t\t\t\"就业率\"\n",
            "\t\t\t\t\t\t\"单位就业\"\t\"自主创业\"\t\"灵活就业\"\t\n",
            "1\t\"育婴员\"\t4\t160\t152\t120\t90\t8\t22\t79.0%\n",
            "2\t\"电工\"\t2\t80\t75\t60\t50\t3\t7\t80.0%\n",
            "\"合计\"\t\t6\t240\t227\t180\t140\t11\t29\t79.3%\n",
            "\"填表人（签字）：\"", "\"审核人（签字）：\"", "\"负责人（签字）：\"");
    }

    [Fact]
    public void YunnanAnnualSummary_has_a_row_per_quarter_the_pass_rate_over_the_assessed_and_the_notes_R_YN_20()
    {
        var csv = forms["yn-annual-summary"].Replace("\r\n", "\n");
        InOrder(csv, "\"曲靖市人力资源和社会保障局2026年度职业技能培训及补贴资金使用情况年度统计表\"",
            "\"季度\"\t\"班次（个）\"\t\"培训人数（人）\"\t\"已考核人数（人）\"\t\"合格人数（人）\"\t\"合格率\"\t\"补贴资金（元）\"\t\"承办机构（家）\"\n",
            "\"第1季度\"\t12\t480\t450\t423\t94.0%\t576,000.50\t8\n",
            "\"第3季度\"\t5\t200\t0\t0\t\t0.00\t3\n",
            // A quarter without a row prints as zeros; the year's institutions are counted once.
            "\"第4季度\"\t0\t0\t0\t0\t\t0.00\t0\n",
            "\"合计\"\t27\t1080\t830\t784\t94.5%\t1,076,000.50\t11\n",
            "\"填表人（签字）：\"", "\"审核人（签字）：\"", "\"批准人（签字）：\"", "\"第3季度：5 个班尚无结业考核结果\"");
    }
}
