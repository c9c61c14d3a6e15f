using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Grains.Security;
using Reservations.Grains.Users;

namespace Reservations.Grains.Tests.Users;

public sealed class UserGrainTests(SqliteClusterFixture fixture) : IClassFixture<SqliteClusterFixture>
{
    private const string Password = "correct horse battery staple";

    private IGrainFactory Grains => fixture.Cluster.Grains;

    private IUserGrain User(string email) => Grains.GetGrain<IUserGrain>(GrainKeys.Scoped("APP-1", EmailAddress.Normalize(email)));

    private static string NewEmail() => $"{Guid.NewGuid():N}@Example.com";

    [Fact]
    public async Task SignUp_NewEmail_CreatesTheUserAndStoresOnlyAPasswordHash()
    {
        var email = NewEmail();

        var user = await User(" " + email).SignUpAsync(" " + email, Password, "Ann");

        Assert.StartsWith("U-", user!.UserId, StringComparison.Ordinal);
        Assert.Equal(new UserView(user.UserId, "APP-1", EmailAddress.Normalize(email), "Ann"), user);
        var stored = await StoredAsync(fixture.Cluster, User(email));
        Assert.StartsWith("pbkdf2-sha256$600000$", stored.PasswordHash, StringComparison.Ordinal);
        var payload = fixture.Cluster.Services.GetRequiredService<IGrainStorageSerializer>().Serialize(stored).ToArray();
        Assert.Equal(-1, payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Password)));
    }

    [Fact]
    public async Task SignUp_TakenEmail_NullAndTheFirstPasswordKept()
    {
        var email = NewEmail();
        var first = await User(email).SignUpAsync(email, Password, "Ann");

        Assert.Null(await User(email.ToUpperInvariant()).SignUpAsync(email.ToUpperInvariant(), "another password", "Impostor"));

        Assert.Equal(first, (await User(email).LogInAsync(Password)).User);
    }

    [Fact]
    public async Task LogIn_RightAndWrongPassword_UserOrNull()
    {
        var email = NewEmail();
        var user = await User(email).SignUpAsync(email, Password, "Ann");

        Assert.Equal(user, (await User(email).LogInAsync(Password)).User);
        Assert.Equal(LoginResult.Wrong, await User(email).LogInAsync(Password + "!"));
    }

    [Fact]
    public async Task LogIn_UnknownEmail_NullAndNothingStored()
    {
        var email = NewEmail();

        Assert.Equal(LoginResult.Wrong, await User(email).LogInAsync(Password));

        var state = new GrainState<UserState>();
        await fixture.Cluster.Storage.ReadStateAsync("user", User(email).GetGrainId(), state);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task LogIn_RepeatedFailures_LockTheAccountWithBackoff_CappedAndClearedBySuccess()
    {
        var email = NewEmail();
        var user = await User(email).SignUpAsync(email, Password, "Ann");
        var clock = fixture.Cluster.Clock;
        for (var i = 0; i < LoginBackoff.FreeFailures - 1; i++)
        {
            Assert.Equal(LoginResult.Wrong, await User(email).LogInAsync("wrong"));
        }

        // The fifth failure locks for a second, the next for two, and so on, never past the cap.
        var expected = LoginBackoff.FirstLock;
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(LoginResult.Wrong, await User(email).LogInAsync("wrong"));
            Assert.Equal(expected, (await User(email).LogInAsync(Password)).LockedFor);
            clock.Advance(expected);
            expected = expected * 2 < LoginBackoff.LongestLock ? expected * 2 : LoginBackoff.LongestLock;
        }

        Assert.Equal(user, (await User(email).LogInAsync(Password)).User);
        Assert.Equal(LoginResult.Wrong, await User(email).LogInAsync("wrong"));
    }

    [Fact]
    public async Task ChangePassword_RightPasswordOfThatUser_ReplacesIt_OtherwiseNothingChanges()
    {
        var email = NewEmail();
        var user = await User(email).SignUpAsync(email, Password, "Ann");

        Assert.Equal(LoginResult.Wrong, await User(email).ChangePasswordAsync("U-someone-else", Password, "new password 1"));
        Assert.Equal(LoginResult.Wrong, await User(email).ChangePasswordAsync(user!.UserId, "wrong", "new password 1"));
        Assert.Equal(user, (await User(email).ChangePasswordAsync(user.UserId, Password, "new password 1")).User);

        Assert.Equal(LoginResult.Wrong, await User(email).LogInAsync(Password));
        Assert.Equal(user, (await User(email).LogInAsync("new password 1")).User);
    }

    internal static async Task<UserState> StoredAsync(GrainsCluster cluster, IUserGrain user)
    {
        var state = new GrainState<UserState>();
        await cluster.Storage.ReadStateAsync("user", user.GetGrainId(), state);
        return state.State!;
    }
}

/// <summary>I7: raising the PBKDF2 cost locks nobody out; each password is rehashed at its next login.</summary>
public sealed class PasswordCostTests
{
    [Fact]
    public async Task CostRaised_NextLogin_SucceedsAndStoresTheStrongerHash()
    {
        await using var store = TestStore.Sqlite();
        var key = GrainKeys.Scoped("APP-1", "ann@example.com");
        await using (var before = await GrainsCluster.StartAsync(store))
        {
            Assert.NotNull(await before.Grains.GetGrain<IUserGrain>(key).SignUpAsync("ann@example.com", "password-one", "Ann"));
        }

        await using var after = await GrainsCluster.StartAsync(store, configure: services => services.Configure<ReservationOptions>(o => o.PasswordIterations = 700_000));
        var user = after.Grains.GetGrain<IUserGrain>(key);

        Assert.False((await user.LogInAsync("wrong-password")).Succeeded);
        Assert.StartsWith("pbkdf2-sha256$600000$", (await UserGrainTests.StoredAsync(after, user)).PasswordHash, StringComparison.Ordinal);
        Assert.True((await user.LogInAsync("password-one")).Succeeded);
        Assert.StartsWith("pbkdf2-sha256$700000$", (await UserGrainTests.StoredAsync(after, user)).PasswordHash, StringComparison.Ordinal);
        Assert.True((await user.LogInAsync("password-one")).Succeeded);
    }
}
