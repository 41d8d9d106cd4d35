namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>An axis-aligned text region on the page image, in pixels; <see cref="Score"/> is the detector's mean probability.</summary>
public readonly record struct TextBox(int X, int Y, int Width, int Height, float Score)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;
    public float CenterY => Y + Height / 2f;
}
