namespace Reservations.Runtime.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task Migrate_Twice_KeepsData()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();
        var etag = await storage.WriteAsync(grain, State, "kept", null);

        await storage.MigrateAsync();

        Assert.Equal(new StoredState("kept", etag), await storage.ReadAsync(grain, State));
    }

    [Fact]
    public async Task Migrate_TwoInstancesAtOnceOnFreshDatabase_BothSucceed()
    {
        var first = Track(OpenStorage());
        var second = Track(OpenStorage());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var migrations = new[] { first, second, first, second }
            .Select(storage => Task.Run(async () =>
            {
                await gate.Task;
                await storage.MigrateAsync();
            }))
            .ToList();
        gate.SetResult();
        await Task.WhenAll(migrations);

        var grain = NewGrain();
        var etag = await first.WriteAsync(grain, State, "written by first", null);
        Assert.Equal(new StoredState("written by first", etag), await second.ReadAsync(grain, State));
    }
}
