namespace Reservations.Runtime.Storage;

/// <summary>The one order of records every provider pages by: newest first, then partition, then key.</summary>
internal static class RecordOrder
{
    public static readonly IComparer<UniqueRecord> NewestFirst = Comparer<UniqueRecord>.Create(Compare);

    /// <summary>Whether <paramref name="record"/> comes after <paramref name="cursor"/> in that order.</summary>
    public static bool IsAfter(UniqueRecord record, UniqueRecord cursor) => Compare(record, cursor) > 0;

    private static int Compare(UniqueRecord? x, UniqueRecord? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var byTime = y.CreatedAt.CompareTo(x.CreatedAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byPartition = string.CompareOrdinal(x.Partition, y.Partition);
        return byPartition != 0 ? byPartition : string.CompareOrdinal(x.Key, y.Key);
    }
}
