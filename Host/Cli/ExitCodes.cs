namespace Pipeline.Host.Cli;

/// <summary>Process exit codes of the <c>pipeline</c> command.</summary>
public static class ExitCodes
{
    /// <summary>The command did its job (for <c>bundle check</c>: the pack was checked, whatever the verdict).</summary>
    public const int Ok = 0;
    /// <summary>Wrong verb or options.</summary>
    public const int Usage = 2;
    /// <summary>The input file was refused (missing, empty, unsupported, encrypted, damaged, truncated, no pages).</summary>
    public const int BadInput = 3;
    /// <summary>The machine lacks something the pipeline needs (tesseract, poppler).</summary>
    public const int Environment = 4;
}
