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

    async Task<UserView?> IUserGrain.LogInAsync(string password)
    {
        if (State.UserId is null)
        {
            await Task.Run(() => PasswordHasher.SpendHashingTime(password, _iterations));
            return null;
        }

        var stored = State.PasswordHash;
        var check = await Task.Run(() => PasswordHasher.Verify(password, stored, _iterations));
        if (check == PasswordCheck.Wrong)
        {
            return null;
        }

        if (check == PasswordCheck.RightButWeak)
        {
            await RehashAsync(password);
        }

        return View();
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
