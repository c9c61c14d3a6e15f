using Reservations.Grains.Tests.Infrastructure;
using Reservations.Grains.Users;
using Reservations.Runtime;

namespace Reservations.Grains.Tests.Users;

public sealed class UserGrainTests : OneSiloTests
{
    private const string Password = "correct horse battery staple";

    private IUserGrain User(string email) => Grains.GetGrain<IUserGrain>(GrainKeys.Scoped("APP-1", EmailAddress.Normalize(email)));

    [Fact]
    public async Task SignUp_NewEmail_CreatesUserAndStoresOnlyPasswordHash()
    {
        var user = await User(" Ann@Example.com").SignUpAsync(" Ann@Example.com", Password, "Ann");

        Assert.NotNull(user);
        Assert.StartsWith("U-", user.UserId, StringComparison.Ordinal);
        Assert.Equal(new UserView(user.UserId, "APP-1", "ann@example.com", "Ann"), user);
        var stored = await Storage.ReadAsync(new GrainId("user", "APP-1/ann@example.com"), "user");
        Assert.DoesNotContain(Password, stored!.Json, StringComparison.Ordinal);
        Assert.Contains("pbkdf2-sha256$600000$", stored.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_DuplicateEmail_ReturnsNullAndKeepsFirstPassword()
    {
        var first = await User("ann@example.com").SignUpAsync("ann@example.com", Password, "Ann");

        Assert.Null(await User("ANN@example.com").SignUpAsync("ANN@example.com", "another password", "Impostor"));

        Assert.Equal(first, await User("ann@example.com").LogInAsync(Password));
    }

    [Fact]
    public async Task LogIn_RightAndWrongPassword_UserOrNull()
    {
        var user = await User("ann@example.com").SignUpAsync("ann@example.com", Password, "Ann");

        Assert.Equal(user, await User("ann@example.com").LogInAsync(Password));
        Assert.Null(await User("ann@example.com").LogInAsync(Password + "!"));
    }

    [Fact]
    public async Task LogIn_UnknownEmail_NullAndNothingStored()
    {
        Assert.Null(await User("nobody@example.com").LogInAsync(Password));

        Assert.Null(await Storage.ReadAsync(new GrainId("user", "APP-1/nobody@example.com"), "user"));
    }
}
