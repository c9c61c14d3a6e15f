namespace Reservations.Grains.Sessions;

/// <summary>
/// The sessions of one account (key: appId/userId for an end user, admin/username for the operator):
/// the version every token it is given carries. Raising it invalidates every earlier token.
/// </summary>
[Alias("reservations.sessions")]
public interface ISessionsGrain : IGrainWithStringKey
{
    /// <summary>The current version: tokens that carry an older one are refused.</summary>
    Task<int> GetVersionAsync();

    /// <summary>Invalidates every token given so far; returns the new version, for the tokens given from now on.</summary>
    Task<int> RevokeAllAsync();
}

/// <summary>The keys of <see cref="ISessionsGrain"/>.</summary>
public static class SessionKeys
{
    /// <summary>An end user's sessions.</summary>
    public static string User(string appId, string userId) => GrainKeys.Scoped(appId, userId);

    /// <summary>The operator account's sessions.</summary>
    public static string Admin(string username) => GrainKeys.Scoped("admin", username);
}
