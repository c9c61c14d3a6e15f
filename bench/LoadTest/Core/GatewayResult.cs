using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Core;

/// <summary>What one gateway carried in a phase.</summary>
public sealed record GatewayResult(string Url, long Requests, IReadOnlyList<OutcomeCount> Outcomes);
