using Reservations.Grains.Security;
using Reservations.Runtime;

namespace Reservations.Grains.Admin;

/// <summary>The operator account (key: the admin username); the password is kept only as a PBKDF2 hash.</summary>
public sealed class AdminGrain([PersistentState("admin")] IPersistentState<AdminState> admin) : Grain, IAdminGrain
{
    async Task<bool> IAdminGrain.EnsureCreatedAsync(string password)
    {
        if (admin.State.PasswordHash is not null)
        {
            return false;
        }

        await SetAsync(PasswordHasher.Hash(password));
        return true;
    }

    Task IAdminGrain.SetPasswordAsync(string password) => SetAsync(PasswordHasher.Hash(password));

    Task<bool> IAdminGrain.VerifyAsync(string password)
    {
        if (admin.State.PasswordHash is not { } hash)
        {
            PasswordHasher.SpendHashingTime(password);
            return Task.FromResult(false);
        }

        return Task.FromResult(PasswordHasher.Verify(password, hash));
    }

    private async Task SetAsync(string passwordHash)
    {
        var previous = admin.State.PasswordHash;
        admin.State.PasswordHash = passwordHash;
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
