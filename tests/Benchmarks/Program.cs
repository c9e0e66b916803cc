// The benchmark driver is built in the benchmarks issue; until then it only says so and fails.
Console.Error.WriteLine("The benchmark driver is not built yet (see the benchmarks issue).");
return 1;
