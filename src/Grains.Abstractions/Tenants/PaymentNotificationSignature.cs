namespace Reservations.Grains.Tenants;

/// <summary>
/// A payment notification as signed by the app's server, Standard Webhooks style: the
/// <c>webhook-id</c>, <c>webhook-timestamp</c> and <c>webhook-signature</c> headers and the body as sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.payment-notification-signature")]
public sealed record PaymentNotificationSignature(
    [property: Id(0)] string NotificationId,
    [property: Id(1)] long Timestamp,
    [property: Id(2)] string Body,
    [property: Id(3)] string Signature);
