using Pipeline.Benchmarks;

// ./pipeline bench [throughput] [cer] [memory] [workflow] [jobs] [designer]: throughput versus the tesseract CLI, character error rate versus
// plain tesseract, peak memory on a 50-page scan, workflow instances per second, jobs per second and timer lateness, the designer
// opening 200- and 1,000-node definitions in headless chromium, the case tracker's list of 1,000 cases (all when none is named). Timing targets live here, never in tests.
var all = args.Length == 0;
var bench = new BenchContext(Repository.Root());
Console.WriteLine($"Pipeline bench — {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();
if (all || args.Contains("throughput")) await Throughput.RunAsync(bench);
if (all || args.Contains("cer")) await CharacterErrorRate.RunAsync(bench);
if (all || args.Contains("memory")) await PeakMemory.RunAsync(bench);
if (all || args.Contains("workflow")) await WorkflowThroughput.RunAsync(bench);
if (all || args.Contains("jobs")) await JobThroughput.RunAsync(bench);
if (all || args.Contains("designer")) await DesignerOpen.RunAsync(bench);
if (all || args.Contains("tracker")) await TrackerList.RunAsync(bench);
