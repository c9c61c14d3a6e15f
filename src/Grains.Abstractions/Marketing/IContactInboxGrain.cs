using System.Collections.Immutable;

namespace Reservations.Grains.Marketing;

/// <summary>The contact form's messages (a single grain, key "all"), newest kept: at most <see cref="MaxMessages"/>.</summary>
[Alias("reservations.contact-inbox")]
public interface IContactInboxGrain : IGrainWithStringKey
{
    /// <summary>The inbox's one key.</summary>
    const string Key = "all";

    /// <summary>How many messages are kept; the oldest goes when a new one arrives beyond it.</summary>
    const int MaxMessages = 1000;

    /// <summary>Stores a message (its id and time are set here) and returns it.</summary>
    Task<ContactMessage> AddAsync(string name, string email, string message);

    /// <summary>The newest <paramref name="limit"/> messages, newest first.</summary>
    Task<ImmutableArray<ContactMessage>> ListAsync(int limit);
}
