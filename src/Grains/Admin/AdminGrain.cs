using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reservations.Grains.Security;
using Reservations.Grains.Sessions;

namespace Reservations.Grains.Admin;

/// <summary>The operator account (key: the admin username); the password is kept only as a PBKDF2 hash.</summary>
public sealed class AdminGrain(
    [PersistentState("admin")] IPersistentState<AdminState> admin,
    IOptions<ReservationOptions> options,
    TimeProvider time,
    ILogger<AdminGrain> logger) : Grain, IAdminGrain
{
    private readonly int _iterations = options.Value.PasswordIterations;
    private readonly LoginBackoff _backoff = new(time);

    async Task<bool> IAdminGrain.EnsureCreatedAsync(string password)
    {
        if (admin.State.PasswordHash is not null)
        {
            return false;
        }

        await SetAsync(password);
        return true;
    }

    async Task IAdminGrain.SetPasswordAsync(string password)
    {
        var stored = admin.State.PasswordHash;
        var check = stored is null ? PasswordCheck.Wrong : await Task.Run(() => PasswordHasher.Verify(password, stored, _iterations));
        if (check == PasswordCheck.Right)
        {
            return;
        }

        await SetAsync(password);
        if (stored is not null && check == PasswordCheck.Wrong)
        {
            await GrainFactory.Reference<ISessionsGrain>(SessionKeys.Admin(this.GetPrimaryKeyString())).RevokeAllAsync();
        }
    }

    async Task<LoginResult> IAdminGrain.VerifyAsync(string password)
    {
        if (_backoff.LockedFor is { } lockedFor)
        {
            return LoginResult.Locked(lockedFor);
        }

        var stored = admin.State.PasswordHash;
        var check = await Task.Run(() => PasswordHasher.Verify(password, stored, _iterations));
        if (check == PasswordCheck.Wrong)
        {
            _backoff.Failed();
            return LoginResult.Wrong;
        }

        _backoff.Succeeded();
        if (check == PasswordCheck.RightButWeak)
        {
            try
            {
                await SetAsync(password);
            }
            catch (Exception exception)
            {
                GrainsLog.RehashNotStored(logger, this.GetPrimaryKeyString(), exception);
            }
        }

        return LoginResult.Right();
    }

    private async Task SetAsync(string password)
    {
        var previous = admin.State.PasswordHash;
        admin.State.PasswordHash = await Task.Run(() => PasswordHasher.Hash(password, _iterations));
        try
        {
            await admin.WriteStateAsync();
        }
        catch
        {
            admin.State.PasswordHash = previous;
            throw;
        }
    }
}
