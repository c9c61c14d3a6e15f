using System.Text.Json;

namespace Reservations.Api.Contracts;

/// <summary>POST /api/bookings: the marketing page's booking request. <c>website</c> is the honeypot.</summary>
public sealed record BookingRequestBody(string? Name, string? Email, string? Phone, string? EventType, string? EventDate, string? Message, string? Website);

public sealed record BookingCreatedResponse(bool Success, long BookingId, string OnboardingUrl);

/// <summary>GET /api/onboarding/prefill: the request, and the wizard's saved progress (answers by step number).</summary>
public sealed record PrefillResponse(
    long BookingId,
    string BusinessName,
    string Email,
    string Phone,
    string EventType,
    string EventDate,
    string Message,
    DateTimeOffset ExpiresAt,
    int CurrentStep,
    IReadOnlyDictionary<string, JsonElement> Answers);

/// <summary>PUT /api/onboarding/steps/{n}.</summary>
public sealed record StepRequest(string? Token, JsonElement? Answers);

public sealed record StepResponse(int Step, int CurrentStep, JsonElement Answers);

/// <summary>POST /api/onboarding/complete.</summary>
public sealed record CompleteRequest(string? Token);

/// <summary>
/// The new app. <c>apiKey</c> and <c>organiserPassword</c> are shown this once; a repeated completion
/// answers with the same app and neither (<c>alreadyActivated</c>).
/// </summary>
public sealed record CompleteResponse(
    bool Success,
    string AppId,
    string? ApiKey,
    string? OrganiserEmail,
    string? OrganiserPassword,
    string TestEntityId,
    bool AlreadyActivated);

/// <summary>A booking request with its onboarding state, for GET /admin/onboarding/requests.</summary>
public sealed record BookingRequestResponse(
    long BookingId,
    string Name,
    string Email,
    string Phone,
    string EventType,
    string EventDate,
    string Message,
    DateTimeOffset ReceivedAt,
    string Status,
    int CurrentStep,
    int LinksSent,
    DateTimeOffset LinkExpiresAt,
    string? AppId,
    DateTimeOffset? ActivatedAt);

public sealed record BookingRequestPage(IReadOnlyList<BookingRequestResponse> Items, long? NextBefore);

/// <summary>POST /admin/onboarding/requests/{id}/resend: the new link (the old one is dead).</summary>
public sealed record ResendResponse(long BookingId, string OnboardingUrl, DateTimeOffset ExpiresAt);

/// <summary>A message of the mail outbox, for GET /admin/outbox. <c>body</c> is empty once sent or discarded.</summary>
public sealed record OutboxMessageResponse(
    long Id,
    string To,
    string Subject,
    string Body,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    string? LastError);

public sealed record OutboxResponse(bool SmtpConfigured, IReadOnlyList<OutboxMessageResponse> Messages);
