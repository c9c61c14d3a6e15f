using Orleans.Storage;
using Reservations.Grains.Admin;
using Reservations.Grains.Tests.Infrastructure;

namespace Reservations.Grains.Tests.Admin;

public sealed class AdminGrainTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private IAdminGrain NewAdmin() => fixture.Cluster.Grains.GetGrain<IAdminGrain>("admin-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task EnsureCreated_FirstStartThenAgain_SetsOnceAndVerifies()
    {
        var admin = NewAdmin();

        Assert.False(await admin.VerifyAsync("first-password"));
        Assert.True(await admin.EnsureCreatedAsync("first-password"));
        Assert.False(await admin.EnsureCreatedAsync("second-password"));

        Assert.True(await admin.VerifyAsync("first-password"));
        Assert.False(await admin.VerifyAsync("second-password"));
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

        Assert.True(await admin.VerifyAsync("second-password"));
        Assert.False(await admin.VerifyAsync("first-password"));
    }
}
