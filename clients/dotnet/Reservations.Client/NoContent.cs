namespace Reservations.Client;

/// <summary>The value of an <see cref="ApiResult{T}"/> whose success has no body (204).</summary>
public sealed record NoContent;
