using Reservations.LoadTest.Core;
using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Scenarios;

/// <summary>Every user calls GET /health/live in a loop, users spread round-robin over the gateways: the HTTP ceiling of this engine on this machine.</summary>
public sealed class HealthScenario(TenantClient client, int users, int gateways) : IScenario
{
    public IReadOnlyList<string> Notes => [];

    public Task RunAsync(Meter meter, CancellationToken stop, CancellationToken abort) =>
        Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await UserLoops.PauseIfNotServedAsync(await client.HealthAsync(meter, user % gateways, abort), abort);
            }
        })));
}
