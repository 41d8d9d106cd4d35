using Pipeline.Benchmarks;

// ./pipeline bench: throughput versus the tesseract CLI, character error rate versus plain tesseract,
// peak memory on a 50-page scan. Timing targets live here, never in tests.
var bench = new BenchContext(Repository.Root());
Console.WriteLine($"Pipeline bench — {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();
await Throughput.RunAsync(bench);
await CharacterErrorRate.RunAsync(bench);
await PeakMemory.RunAsync(bench);
