using Pipeline.Activities.Documents.Ocr.Paddle;

namespace Pipeline.Activities.Tests.Documents.Paddle;

public sealed class CtcDecoderTests
{
    private static readonly string[] Alphabet = ["", "甲", "乙", " "];

    private static float[] Steps(params (int Class, float P)[] steps)
    {
        var probabilities = new float[steps.Length * Alphabet.Length];
        for (var t = 0; t < steps.Length; t++)
        {
            for (var c = 0; c < Alphabet.Length; c++) probabilities[t * Alphabet.Length + c] = (1 - steps[t].P) / (Alphabet.Length - 1);
            probabilities[t * Alphabet.Length + steps[t].Class] = steps[t].P;
        }
        return probabilities;
    }

    [Fact]
    public void Repeats_Collapse_AndBlanks_SeparateDoubledCharacters()
    {
        var p = Steps((1, 0.9f), (1, 0.8f), (0, 0.9f), (1, 0.7f), (2, 0.6f), (2, 0.9f), (3, 0.9f), (0, 0.99f));

        var (text, confidence) = CtcDecoder.Greedy(p, 8, Alphabet.Length, Alphabet);

        Assert.Equal("甲甲乙 ", text);
        // Mean of the first step of each emitted character: 0.9, 0.7, 0.6, 0.9.
        Assert.Equal(0.775f, confidence, 3);
    }

    [Fact]
    public void OnlyBlanks_ReadAsNothing_WithZeroConfidence()
    {
        var (text, confidence) = CtcDecoder.Greedy(Steps((0, 0.9f), (0, 0.9f)), 2, Alphabet.Length, Alphabet);

        Assert.Equal(("", 0f), (text, confidence));
    }
}
