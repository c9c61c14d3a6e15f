namespace Reservations.Api.Contracts;

/// <summary>A plan, as GET /api/packages lists it and PUT /admin/packages/{id} sets it.</summary>
public sealed record PackageBody(string? Id, string? Name, string? Description, decimal? MonthlyPrice, string? Currency, IReadOnlyList<string?>? Features);

/// <summary>POST /api/contact. <c>website</c> is the honeypot: people never see the field, naive bots fill it.</summary>
public sealed record ContactRequest(string? Name, string? Email, string? Message, string? Website);

public sealed record ContactResponse(long Id, string Name, string Email, string Message, DateTimeOffset ReceivedAt);

/// <summary>POST /api/reviews.</summary>
public sealed record ReviewRequest(string? Name, int? Rating, string? Text, string? Website);

public sealed record ReviewResponse(long Id, string Name, int Rating, string Text, DateTimeOffset SubmittedAt, bool Approved);
