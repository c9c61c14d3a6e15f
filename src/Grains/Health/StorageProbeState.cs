namespace Reservations.Grains.Health;

/// <summary>The state type of the storage probe's row, which is read and never written.</summary>
[GenerateSerializer, Alias("reservations.storage-probe-state")]
internal sealed class StorageProbeState;
