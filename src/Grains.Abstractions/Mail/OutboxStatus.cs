namespace Reservations.Grains.Mail;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    /// <summary>A sender claimed it and is sending it.</summary>
    Sending,
    /// <summary>The mail server accepted it; its body is erased.</summary>
    Sent,
    /// <summary>Every attempt failed.</summary>
    Failed,
    /// <summary>Its link expired before it could be sent; its body is erased.</summary>
    Discarded,
}
