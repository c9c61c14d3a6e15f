namespace Reservations.Grains.Sessions;

/// <summary>An account's session version (key: appId/userId or admin/username). An account never revoked has no row and version 0.</summary>
public sealed class SessionsGrain([PersistentState("sessions")] IPersistentState<SessionsState> sessions) : Grain, ISessionsGrain
{
    Task<int> ISessionsGrain.GetVersionAsync() => Task.FromResult(sessions.State.Version);

    async Task<int> ISessionsGrain.RevokeAllAsync()
    {
        sessions.State.Version++;
        try
        {
            await sessions.WriteStateAsync();
        }
        catch
        {
            sessions.State.Version--;
            throw;
        }

        return sessions.State.Version;
    }
}
