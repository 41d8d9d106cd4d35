namespace Pipeline.Host.Cases;

/// <summary>
/// Limits on the names an upload carries, checked before anything is stored or started (the database columns are
/// bounded: a longer name must be a clear 400, not a failure half-way through).
/// </summary>
public static class UploadNames
{
    /// <summary>Longest business key (case number), in characters.</summary>
    public const int MaxBusinessKey = 200;

    /// <summary>Longest file name, in characters (the common file-system limit).</summary>
    public const int MaxFileName = 255;

    /// <summary>Longest process id, in characters.</summary>
    public const int MaxProcessId = 200;

    /// <exception cref="UploadRefusedException">400 naming the field and its limit.</exception>
    public static void Check(string businessKey, string fileName, string processId)
    {
        Field(businessKey, MaxBusinessKey, "案件编号", "business key");
        Field(fileName, MaxFileName, "文件名", "file name");
        Field(processId, MaxProcessId, "流程", "process");
    }

    private static void Field(string value, int max, string zh, string en)
    {
        if (value.Length == 0 || value.Length > max)
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, $"Bad {en}",
                $"{zh}长度应为1–{max}个字符，收到{value.Length}个 (the {en} must have 1 to {max} characters, got {value.Length})");
        if (value.Any(char.IsControl))
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, $"Bad {en}", $"{zh}含有控制字符 (the {en} contains control characters)");
    }
}
