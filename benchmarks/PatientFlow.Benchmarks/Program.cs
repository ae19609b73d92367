using BenchmarkDotNet.Running;
using PatientFlow.Benchmarks;

// dotnet run -c Release --project benchmarks/PatientFlow.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(BoardPushBenchmarks).Assembly).Run(args);
