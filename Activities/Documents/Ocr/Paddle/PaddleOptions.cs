namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>Settings of the PaddleOCR engine; the defaults are PaddleOCR's own unless measured otherwise.</summary>
public sealed record PaddleOptions
{
    /// <summary>Model folder; null looks in <c>$PIPELINE_MODELS/ppocr-v4</c>, then <c>~/.cache/pipeline/models/ppocr-v4</c>.</summary>
    public string? ModelFolder { get; init; }

    /// <summary>Resolution the page is scaled down to for text detection, in dpi (pages below it are not enlarged).</summary>
    public int DetectionDpi { get; init; } = 200;

    /// <summary>Longest side of the detection input, in pixels (bounds time and memory on huge pages).</summary>
    public int DetectionMaxSide { get; init; } = 2560;

    /// <summary>
    /// Rows of the scaled page the detector sees at once (rounded down to a multiple of 32): the page is detected in
    /// overlapping strips, so its working memory does not grow with the page (a whole A4 page at 200 dpi needs
    /// ≈ 600 MB, a 512-row strip ≈ 120 MB, a 256-row one less again; the same speed and CER in all. Peak of a 10-page
    /// check: 1.35 GB whole pages, ≈ 0.5 GB 512-row strips, ≈ 0.41 GB 256-row strips).
    /// </summary>
    public int DetectionStripHeight { get; init; } = 256;

    /// <summary>Probability above which a map pixel is text (PaddleOCR <c>det_db_thresh</c>).</summary>
    public float BinaryThreshold { get; init; } = 0.3f;

    /// <summary>Mean probability a box needs to be kept (PaddleOCR <c>det_db_box_thresh</c>).</summary>
    public float BoxThreshold { get; init; } = 0.6f;

    /// <summary>How far a detected region is enlarged (PaddleOCR <c>det_db_unclip_ratio</c>).</summary>
    public double UnclipRatio { get; init; } = 1.5;

    /// <summary>Most boxes kept on a page (PaddleOCR <c>max_candidates</c>).</summary>
    public int MaxBoxes { get; init; } = 1000;

    /// <summary>
    /// Line crops recognised in one model call. On one CPU thread a batch costs more per pixel column than single
    /// crops (measured: 8 × 320 px 166–250 µs a column, 1 × 320 px 94–131 µs), so crops go one at a time.
    /// </summary>
    public int RecognitionBatch { get; init; } = 1;

    /// <summary>
    /// Narrowest recognition input, in pixels at 48 pixels high. PaddleOCR pads every crop to 320; a one-character
    /// table cell then costs as much as a line of ten, and the ID-card pages of a pack hold hundreds of them.
    /// Measured on the class-opening fixture: the same CER at 48 as at 320, and 40 % less recognition time.
    /// </summary>
    public int MinRecognitionWidth { get; init; } = 48;

    /// <summary>Widest recognition input, in pixels; wider lines are squeezed (bounds one call's memory).</summary>
    public int MaxRecognitionWidth { get; init; } = 3200;

    /// <summary>Lines read with a lower mean character probability are dropped as noise (PaddleOCR <c>drop_score</c>).</summary>
    public float DropScore { get; init; } = 0.5f;
}
