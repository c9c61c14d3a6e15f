using Reservations.Grains.Admin;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Runtime;

namespace Reservations.Grains.Tests.Admin;

public sealed class AdminGrainTests : OneSiloTests
{
    [Fact]
    public async Task EnsureCreated_FirstStartThenAgain_SetsOnceAndVerifies()
    {
        var admin = Grains.GetGrain<IAdminGrain>("admin");

        Assert.False(await admin.VerifyAsync("first"));
        Assert.True(await admin.EnsureCreatedAsync("first"));
        Assert.False(await admin.EnsureCreatedAsync("second"));

        Assert.True(await admin.VerifyAsync("first"));
        Assert.False(await admin.VerifyAsync("second"));
        var stored = await Storage.ReadAsync(new GrainId("admin", "admin"), "admin");
        Assert.DoesNotContain("first", stored!.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetPassword_Existing_ReplacesIt()
    {
        var admin = Grains.GetGrain<IAdminGrain>("admin");
        await admin.EnsureCreatedAsync("first");

        await admin.SetPasswordAsync("second");

        Assert.True(await admin.VerifyAsync("second"));
        Assert.False(await admin.VerifyAsync("first"));
    }
}
