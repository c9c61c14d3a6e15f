using System.ComponentModel.DataAnnotations;

namespace Reservations.Api.SeatMap;

/// <summary>The live seat map's push channel (section "SeatMap").</summary>
public sealed class SeatMapOptions
{
    public const string SectionName = "SeatMap";

    /// <summary>
    /// How often this process registers again with the catalog pages it watches. It bounds how long a page
    /// that lost its watchers (reactivated, perhaps on another silo) stays unwatched, and must stay well
    /// under the pages' expiry of watchers (2 minutes).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ResubscribePeriod { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How many seats' changes may wait for one slow client (each seat's latest only); beyond that the client
    /// is disconnected, to reconnect and start again from a snapshot.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ClientBuffer { get; set; } = 1024;

    /// <summary>
    /// The least time between two writes to one client. A lone change goes out at once; a burst (a hot seat
    /// held and freed many times a second) reaches each client as one write per interval with each seat's
    /// latest state, so a hundred watching browsers cost the engine a few hundred writes a second, not
    /// thousands. Zero writes every change as it comes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
