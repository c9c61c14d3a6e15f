using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reservations.Grains.Security;

namespace Reservations.Grains.Admin;

/// <summary>The operator account (key: the admin username); the password is kept only as a PBKDF2 hash.</summary>
public sealed class AdminGrain(
    [PersistentState("admin")] IPersistentState<AdminState> admin,
    IOptions<ReservationOptions> options,
    ILogger<AdminGrain> logger) : Grain, IAdminGrain
{
    private readonly int _iterations = options.Value.PasswordIterations;

    async Task<bool> IAdminGrain.EnsureCreatedAsync(string password)
    {
        if (admin.State.PasswordHash is not null)
        {
            return false;
        }

        await SetAsync(password);
        return true;
    }

    Task IAdminGrain.SetPasswordAsync(string password) => SetAsync(password);

    async Task<bool> IAdminGrain.VerifyAsync(string password)
    {
        var stored = admin.State.PasswordHash;
        var check = await Task.Run(() => PasswordHasher.Verify(password, stored, _iterations));
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

        return check != PasswordCheck.Wrong;
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
