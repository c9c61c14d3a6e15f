namespace Reservations.Runtime;

/// <summary>A unique record with the same kind, partition and key exists already; nothing was written.</summary>
public sealed class DuplicateRecordException(UniqueRecord record)
    : Exception($"A {record.Kind} record for {record.Partition}/{record.Key} exists already.")
{
    /// <summary>The record that was refused.</summary>
    public UniqueRecord Record { get; } = record;
}
