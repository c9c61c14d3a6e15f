namespace Reservations.Runtime.Tests.Grains;

public sealed class CycleGrain(Probe probe) : Grain, ICycleGrain
{
    Task ICycleGrain.CallThroughAsync(string other) =>
        GrainFactory.GetGrain<ICycleGrain>(other).CallBackAsync(GetPrimaryKeyString());

    async Task ICycleGrain.CallBackAsync(string origin)
    {
        var ping = GrainFactory.GetGrain<ICycleGrain>(origin).PingAsync();
        probe.Signal("ping-queued");
        await ping;
    }

    Task ICycleGrain.PingAsync() => Task.CompletedTask;
}
