using Reservations.Grains.Security;
using Reservations.Runtime;

namespace Reservations.Grains.Users;

/// <summary>An end user of one app (key: appId/normalised email); the password is kept only as a PBKDF2 hash.</summary>
public sealed class UserGrain([PersistentState("user")] IPersistentState<UserState> user) : Grain, IUserGrain
{
    private UserState State => user.State;

    async Task<UserView?> IUserGrain.SignUpAsync(string email, string password, string name)
    {
        if (State.UserId is not null)
        {
            // Costs what a signup costs, so timing does not tell which emails are taken.
            PasswordHasher.SpendHashingTime(password);
            return null;
        }

        var normalized = EmailAddress.Normalize(email);
        if (!GetPrimaryKeyString().EndsWith("/" + normalized, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The email does not belong to user {GetPrimaryKeyString()}.", nameof(email));
        }

        user.State = new UserState
        {
            UserId = "U-" + Secrets.NewToken(),
            Email = normalized,
            Name = name,
            PasswordHash = PasswordHasher.Hash(password),
            CreatedAt = TimeProvider.GetUtcNow(),
        };
        try
        {
            await user.WriteStateAsync();
        }
        catch
        {
            user.State = new UserState();
            throw;
        }

        return View();
    }

    Task<UserView?> IUserGrain.LogInAsync(string password)
    {
        if (State.UserId is null)
        {
            PasswordHasher.SpendHashingTime(password);
            return Task.FromResult<UserView?>(null);
        }

        return Task.FromResult(PasswordHasher.Verify(password, State.PasswordHash) ? View() : null);
    }

    private UserView View()
    {
        var key = GetPrimaryKeyString();
        var appId = key[..key.IndexOf('/', StringComparison.Ordinal)];
        return new UserView(State.UserId!, appId, State.Email, State.Name);
    }
}
