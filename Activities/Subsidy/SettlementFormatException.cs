namespace Pipeline.Activities.Subsidy;

/// <summary>
/// A class settlement file that cannot be computed: not JSON, over 10 MB, a field missing, of the wrong type, negative,
/// out of range or unknown. The message is one line, in Chinese and English, naming the field by its JSON path,
/// e.g. <c>$.trainees[3].attendedHours：应为数字 ($.trainees[3].attendedHours: must be a number)</c>. It never
/// quotes an identity number.
/// </summary>
public sealed class SettlementFormatException(string path, string zh, string en)
    : FormatException($"{path}：{zh} ({path}: {en})")
{
    /// <summary>JSON path of the offending field, <c>$</c> for the whole file.</summary>
    public string Path { get; } = path;
}
