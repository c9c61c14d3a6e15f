using System.Diagnostics.Metrics;

namespace Reservations.Grains.Usage;

/// <summary>
/// The engine's meter, <see cref="MeterName"/>: what the seats did, counted where usage is counted,
/// each tagged with its app (<see cref="AppTag"/>). Exported as reservations_holds_granted_total and so on.
/// </summary>
public sealed class ReservationsMetrics
{
    /// <summary>The meter's name, for exporters to subscribe to.</summary>
    public const string MeterName = "Reservations";

    /// <summary>The tag naming the app a measurement belongs to.</summary>
    public const string AppTag = "app";

    /// <summary>Creates the instruments on a meter of <paramref name="meterFactory"/>.</summary>
    public ReservationsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        HoldsGranted = meter.CreateCounter<long>("reservations.holds.granted", description: "Holds granted.");
        HoldsRefused = meter.CreateCounter<long>("reservations.holds.refused", description: "Holds refused: the seat was held or booked.");
        Releases = meter.CreateCounter<long>("reservations.releases", description: "Holds released by their holder.");
        Confirmations = meter.CreateCounter<long>("reservations.confirmations", description: "Holds confirmed into bookings.");
        Expiries = meter.CreateCounter<long>("reservations.expiries", description: "Expired holds swept from storage.");
    }

    internal Counter<long> HoldsGranted { get; }

    internal Counter<long> HoldsRefused { get; }

    internal Counter<long> Releases { get; }

    internal Counter<long> Confirmations { get; }

    internal Counter<long> Expiries { get; }
}
