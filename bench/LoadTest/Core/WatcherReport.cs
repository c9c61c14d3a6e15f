namespace Reservations.LoadTest.Core;

/// <summary>
/// What the run's seat-map clients received: snapshots (one per connection), seat events in all and during
/// the measured phase, keep-alive comments, streams the engine ended (each reconnected) and failed connections.
/// </summary>
public sealed record WatcherReport(
    int Watchers, long Snapshots, long SeatEvents, long SeatEventsMeasured, long KeepAlives, long StreamsEnded, long Failures);
