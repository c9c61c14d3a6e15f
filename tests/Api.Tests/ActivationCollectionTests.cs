using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>
/// The engine's silo looks for idle activations every five seconds, not Orleans' minute: each look
/// deactivates all that fell due at once, so a sale's idle seats go in small steps rather than in
/// bursts that take the core for seconds (docs/decisions.md).
/// </summary>
public sealed class ActivationCollectionTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public void Engine_CollectionQuantum_IsFiveSeconds_ShorterThanTheSilosAge()
    {
        var collection = fixture.Factory.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), collection.CollectionQuantum);
        Assert.True(collection.CollectionAge > collection.CollectionQuantum);
    }
}
