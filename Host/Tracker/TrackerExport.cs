namespace Pipeline.Host.Tracker;

/// <summary>
/// The tracker's list as an XLSX (sheet 案件跟踪): 业务编号, 培训机构, 辖区, 职业（工种）, 当前环节, 状态, 开始日期 (a date,
/// UTC+8), 最早到期 (a date), 是否逾期 (已逾期 or empty), 故障数 (a number). No ID or mobile number is among the columns,
/// and every text is masked besides.
/// </summary>
public static class TrackerExport
{
    public static readonly string[] Headers = ["业务编号", "培训机构", "辖区", "职业（工种）", "当前环节", "状态", "开始日期", "最早到期", "是否逾期", "故障数"];

    public static byte[] Render(IReadOnlyList<TrackerItem> items) => TrackerWorkbook.Render("案件跟踪", Headers,
        [22, 30, 12, 16, 24, 10, 12, 12, 10, 8],
        items.Select(i => (IReadOnlyList<SheetValue>)
        [
            new SheetValue.Text(i.BusinessKey),
            Text(i.InstitutionName ?? i.InstitutionId),
            Text(i.JurisdictionName),
            Text(i.Occupation),
            Text(string.Join("、", i.Stages.Select(s => s.Name))),
            new SheetValue.Text(TrackerItems.StatusLabel(i.Status)),
            Day(i.CreatedAt),
            i.DueAt is { } due ? Day(due) : new SheetValue.Empty(),
            i.Overdue ? new SheetValue.Text("已逾期") : new SheetValue.Empty(),
            new SheetValue.Number(i.Incidents),
        ]));

    private static SheetValue Text(string? text) => text is { Length: > 0 } ? new SheetValue.Text(text) : new SheetValue.Empty();

    private static SheetValue Day(DateTimeOffset at) => new SheetValue.Day(DateOnly.FromDateTime(at.ToOffset(TrackerFilter.ChinaOffset).DateTime));
}
