namespace Pipeline.Workflows.Calendar;

/// <summary>The document a holiday arrangement comes from.</summary>
/// <param name="Title">Full title, e.g. <c>国务院办公厅关于2025年部分节假日安排的通知</c>.</param>
/// <param name="DocumentNumber">Document number (文号), e.g. <c>国办发明电〔2024〕12号</c>.</param>
/// <param name="Published">Publication date.</param>
public sealed record ArrangementSource(string Title, string DocumentNumber, DateOnly Published);
