namespace Reservations.Runtime;

/// <summary>
/// A page of records of one kind, newest first. Filters left null match everything. Paging is by
/// keyset: pass the last record of one page as <see cref="Before"/> to get the next.
/// </summary>
public sealed record RecordQuery(
    string Kind,
    string? Partition = null,
    string? Owner = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    UniqueRecord? Before = null,
    int Limit = 100);
