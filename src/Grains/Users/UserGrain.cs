using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reservations.Grains.Security;

namespace Reservations.Grains.Users;

/// <summary>An end user of one app (key: appId/normalised email); the password is kept only as a PBKDF2 hash.</summary>
public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> user,
    TimeProvider time,
    IOptions<ReservationOptions> options,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private readonly int _iterations = options.Value.PasswordIterations;
    private readonly LoginBackoff _backoff = new(time);

    private UserState State => user.State;

    async Task<UserView?> IUserGrain.SignUpAsync(string email, string password, string name)
    {
        if (State.UserId is not null)
        {
            // Costs what a signup costs, so timing does not tell which emails are taken.
            await Task.Run(() => PasswordHasher.SpendHashingTime(password, _iterations));
            return null;
        }

        var normalized = EmailAddress.Normalize(email);
        if (GrainKeys.IdOf(this.GetPrimaryKeyString()) != normalized)
        {
            throw new ArgumentException($"The email does not belong to user {this.GetPrimaryKeyString()}.", nameof(email));
        }

        var hash = await Task.Run(() => PasswordHasher.Hash(password, _iterations));
        user.State = new UserState
        {
            UserId = "U-" + Secrets.NewToken(),
            Email = normalized,
            Name = name,
            PasswordHash = hash,
            CreatedAt = time.GetUtcNow(),
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

    async Task<LoginResult> IUserGrain.LogInAsync(string password)
    {
        if (await CheckAsync(password) is { } refused)
        {
            return refused;
        }

        return LoginResult.Right(View());
    }

    async Task<LoginResult> IUserGrain.ChangePasswordAsync(string userId, string currentPassword, string newPassword)
    {
        if (await CheckAsync(currentPassword) is { } refused)
        {
            return refused;
        }

        if (!string.Equals(State.UserId, userId, StringComparison.Ordinal))
        {
            return LoginResult.Wrong;
        }

        var previous = State.PasswordHash;
        State.PasswordHash = await Task.Run(() => PasswordHasher.Hash(newPassword, _iterations));
        try
        {
            await user.WriteStateAsync();
        }
        catch
        {
            State.PasswordHash = previous;
            throw;
        }

        return LoginResult.Right(View());
    }

    /// <summary>Null when the password is right (a weak hash is replaced on the way); the refusal otherwise. Unknown accounts lock too, so a lock tells nothing.</summary>
    private async Task<LoginResult?> CheckAsync(string password)
    {
        if (_backoff.LockedFor is { } lockedFor)
        {
            return LoginResult.Locked(lockedFor);
        }

        if (State.UserId is null)
        {
            await Task.Run(() => PasswordHasher.SpendHashingTime(password, _iterations));
            _backoff.Failed();
            return LoginResult.Wrong;
        }

        var stored = State.PasswordHash;
        var check = await Task.Run(() => PasswordHasher.Verify(password, stored, _iterations));
        if (check == PasswordCheck.Wrong)
        {
            _backoff.Failed();
            return LoginResult.Wrong;
        }

        _backoff.Succeeded();
        if (check == PasswordCheck.RightButWeak)
        {
            await RehashAsync(password);
        }

        return null;
    }

    // The login succeeds either way; a rehash that fails to store is tried again at the next login.
    private async Task RehashAsync(string password)
    {
        var previous = State.PasswordHash;
        State.PasswordHash = await Task.Run(() => PasswordHasher.Hash(password, _iterations));
        try
        {
            await user.WriteStateAsync();
        }
        catch (Exception exception)
        {
            State.PasswordHash = previous;
            GrainsLog.RehashNotStored(logger, this.GetPrimaryKeyString(), exception);
        }
    }

    private UserView View() => new(State.UserId!, GrainKeys.AppOf(this.GetPrimaryKeyString()), State.Email, State.Name);
}
