using System.Collections.Frozen;

namespace Reservations.Api.Errors;

/// <summary>
/// Every stable code the API puts in a problem's <c>error</c> member. The OpenAPI document lists them as
/// the member's enum, so clients can switch on them; the API tests check every problem they see is listed.
/// </summary>
internal static class ErrorCodes
{
    public static readonly FrozenSet<string> All = FrozenSet.ToFrozenSet(
    [
        // Bad input (400, 413, 415, 422).
        "validation_failed", "malformed_json", "payload_too_large", "unsupported_media_type", "too_many_seats", "honeypot_filled",
        "invalid_idempotency_key", "idempotency_key_reused", "idempotency_in_progress",
        // Credentials and permissions (401, 403).
        "unauthorized", "invalid_app_credentials", "invalid_token", "invalid_credentials", "invalid_signature", "stale_timestamp",
        "forbidden", "invalid_channel_key", "app_disabled", "origin_not_allowed", "not_holder", "secret_key_required", "signed_notification_required",
        // Not there (404, 405, 410).
        "not_found", "method_not_allowed", "gone", "seat_not_found", "app_not_found", "booking_not_found", "webhook_not_found",
        "delivery_not_found", "package_not_found", "review_not_found", "link_not_found", "link_expired", "link_used", "link_replaced", "channel_not_found",
        "reservation_expired",
        // Refused by the state of things (409).
        "conflict", "seat_unavailable", "seats_unavailable", "too_many_holds", "token_used", "group_incomplete", "extension_limit",
        "payment_in_progress", "seat_in_channel", "channel_exists", "not_enough_seats", "best_seats_contended", "email_taken", "too_many_webhooks", "too_many_packages", "too_many_entities", "steps_incomplete",
        "already_activated",
        // Slow down, try again (429, 503), and our own faults (500).
        "too_many_requests", "login_locked", "unavailable", "engine_busy", "starting", "not_ready", "internal_error", "error",
    ], StringComparer.Ordinal);
}
