using System.Collections.Immutable;

namespace Reservations.Grains.Marketing;

/// <summary>The contact form's messages, newest <see cref="IContactInboxGrain.MaxMessages"/> kept.</summary>
public sealed class ContactInboxGrain([PersistentState("contact-inbox")] IPersistentState<ContactInboxState> inbox, TimeProvider time)
    : Grain, IContactInboxGrain
{
    async Task<ContactMessage> IContactInboxGrain.AddAsync(string name, string email, string message)
    {
        var added = new ContactMessage(inbox.State.LastId + 1, name, email, message, time.GetUtcNow());
        var next = new ContactInboxState { LastId = added.Id, Messages = [.. inbox.State.Messages.TakeLast(IContactInboxGrain.MaxMessages - 1), added] };
        var previous = inbox.State;
        inbox.State = next;
        try
        {
            await inbox.WriteStateAsync();
        }
        catch
        {
            inbox.State = previous;
            throw;
        }

        return added;
    }

    Task<ImmutableArray<ContactMessage>> IContactInboxGrain.ListAsync(int limit) =>
        Task.FromResult<ImmutableArray<ContactMessage>>([.. Enumerable.Reverse(inbox.State.Messages).Take(limit)]);
}
