namespace Reservations.Runtime;

/// <summary>
/// An immutable row a grain inserts together with its state (a booking, say). Storage enforces
/// one record per (<see cref="Kind"/>, <see cref="Partition"/>, <see cref="Key"/>): a second line
/// of defence behind the grain's own rules.
/// </summary>
/// <param name="Kind">What the record is ("booking").</param>
/// <param name="Partition">Whose it is (a tenant's app id); queries filter on it.</param>
/// <param name="Key">Unique within kind and partition (a seat id).</param>
/// <param name="Owner">An optional second filter (a user id).</param>
/// <param name="CreatedAt">When it was made; queries filter and order on it.</param>
/// <param name="Payload">The record itself, as JSON.</param>
public sealed record UniqueRecord(string Kind, string Partition, string Key, string? Owner, DateTimeOffset CreatedAt, string Payload);
