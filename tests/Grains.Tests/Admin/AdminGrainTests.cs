using Orleans.Storage;
using Reservations.Grains.Admin;
using Reservations.Grains.Security;
using Reservations.Grains.Sessions;
using Reservations.Grains.Tests.Infrastructure;

namespace Reservations.Grains.Tests.Admin;

public sealed class AdminGrainTests(SqliteClusterFixture fixture) : IClassFixture<SqliteClusterFixture>
{
    private IAdminGrain NewAdmin() => fixture.Cluster.Grains.GetGrain<IAdminGrain>("admin-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task EnsureCreated_FirstStartThenAgain_SetsOnceAndVerifies()
    {
        var admin = NewAdmin();

        Assert.False((await admin.VerifyAsync("first-password")).Succeeded);
        Assert.True(await admin.EnsureCreatedAsync("first-password"));
        Assert.False(await admin.EnsureCreatedAsync("second-password"));

        Assert.True((await admin.VerifyAsync("first-password")).Succeeded);
        Assert.False((await admin.VerifyAsync("second-password")).Succeeded);
        var stored = new GrainState<AdminState>();
        await fixture.Cluster.Storage.ReadStateAsync("admin", admin.GetGrainId(), stored);
        Assert.StartsWith("pbkdf2-sha256$600000$", stored.State!.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetPassword_Existing_ReplacesIt()
    {
        var admin = NewAdmin();
        await admin.EnsureCreatedAsync("first-password");

        await admin.SetPasswordAsync("second-password");

        Assert.True((await admin.VerifyAsync("second-password")).Succeeded);
        Assert.False((await admin.VerifyAsync("first-password")).Succeeded);
    }

    [Fact]
    public async Task SetPassword_Different_RevokesTheAdminSessions_TheSameOneDoesNot()
    {
        var admin = NewAdmin();
        await admin.EnsureCreatedAsync("first-password");
        var sessions = fixture.Cluster.Grains.GetGrain<ISessionsGrain>(SessionKeys.Admin(admin.GetPrimaryKeyString()));

        await admin.SetPasswordAsync("first-password");
        Assert.Equal(0, await sessions.GetVersionAsync());
        await admin.SetPasswordAsync("second-password");
        Assert.Equal(1, await sessions.GetVersionAsync());
    }

    [Fact]
    public async Task Verify_FiveWrongInARow_LocksWithDoublingDelays_AndTheRightPasswordWaits()
    {
        var admin = NewAdmin();
        await admin.EnsureCreatedAsync("first-password");
        for (var i = 0; i < LoginBackoff.FreeFailures; i++)
        {
            Assert.Null((await admin.VerifyAsync("wrong")).LockedFor);
        }

        Assert.Equal(LoginBackoff.FirstLock, (await admin.VerifyAsync("first-password")).LockedFor);
        fixture.Cluster.Clock.Advance(LoginBackoff.FirstLock);
        Assert.False((await admin.VerifyAsync("wrong")).Succeeded);
        Assert.Equal(LoginBackoff.FirstLock * 2, (await admin.VerifyAsync("wrong")).LockedFor);
        fixture.Cluster.Clock.Advance(LoginBackoff.FirstLock * 2);

        Assert.True((await admin.VerifyAsync("first-password")).Succeeded);
        Assert.True((await admin.VerifyAsync("wrong")) is { Succeeded: false, LockedFor: null });
    }
}
