using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Reservations.Micro.GrainCallBenchmarks).Assembly).Run(args);
