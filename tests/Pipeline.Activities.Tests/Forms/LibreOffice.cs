using Pipeline.Activities.Documents;

namespace Pipeline.Activities.Tests.Forms;

/// <summary>
/// Headless LibreOffice (<c>soffice</c>, installed by <c>./pipeline</c>: libreoffice-writer-nogui,
/// libreoffice-calc-nogui) run as a child process with a timeout and a throwaway user profile, to read rendered forms
/// back as text the way another office suite sees them.
/// </summary>
public static class LibreOffice
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>DOCX → plain text, UTF-8, table cells one per line.</summary>
    public const string Text = "txt:Text (encoded):UTF8";

    /// <summary>
    /// XLSX → tab-separated text, UTF-8, every text cell quoted and numbers as shown (<c>92.0%</c>, <c>187,500.50</c>):
    /// an unquoted cell is a number in the workbook, a quoted one is text.
    /// </summary>
    public const string Csv = "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,true,true,true";

    /// <summary>
    /// Converts <paramref name="files"/> in one <c>soffice</c> run into <paramref name="outputFolder"/> and returns the
    /// converted files in the same order.
    /// </summary>
    /// <param name="profile">The user profile folder to use (created when missing); one per concurrent run.</param>
    public static async Task<IReadOnlyList<string>> ConvertAsync(
        IReadOnlyList<string> files, string filter, string extension, string outputFolder, string profile)
    {
        Directory.CreateDirectory(outputFolder);
        string[] arguments =
        [
            "--headless", "--norestore", "--nolockcheck", "--nodefault",
            "-env:UserInstallation=" + new Uri(profile).AbsoluteUri,
            "--convert-to", filter, "--outdir", outputFolder, .. files,
        ];
        ChildProcessResult run;
        try
        {
            run = await ChildProcess.RunAsync("soffice", arguments, Timeout, CancellationToken.None);
        }
        catch (ToolMissingException e)
        {
            throw new InvalidOperationException(
                "soffice is not installed: ./pipeline test installs it (apt-get install --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui)", e);
        }
        var outputs = files.Select(f => Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(f) + extension)).ToList();
        var missing = outputs.Where(o => !File.Exists(o)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"soffice (exit {run.ExitCode}) did not write {string.Join(", ", missing.Select(Path.GetFileName))}: {run.StandardError.Trim()}");
        return outputs;
    }
}
