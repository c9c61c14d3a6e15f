namespace Reservations.LoadTest.Engine;

/// <summary>How to start an engine as a child process.</summary>
/// <param name="DllPath">The built Reservations.Api.dll; null finds it under src/Api/bin.</param>
/// <param name="Postgres">A PostgreSQL connection string; null runs on SQLite in a temp dir.</param>
/// <param name="ServerCpus">A taskset CPU list (e.g. "0") to pin the engine to; null leaves it unpinned.</param>
/// <param name="DataDirectory">
/// The engine's data directory (SQLite file, JWT signing key, log), kept at the end so that another
/// engine can start on it; null makes a temp directory that is deleted at the end.
/// </param>
public sealed record ChildEngineOptions(string? DllPath, string? Postgres, string? ServerCpus, string? DataDirectory = null);
