using System.Collections.Concurrent;

namespace Reservations.Runtime.Activation;

/// <summary>The live activations of this silo: at most one per grain id.</summary>
internal sealed class Catalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();

    public int Count => _activations.Count;

    public IEnumerable<ActivationData> All => _activations.Values;

    public ActivationData GetOrCreate(GrainId grainId) =>
        _activations.TryGetValue(grainId, out var existing)
            ? existing
            : _activations.GetOrAdd(grainId, static (id, rt) => new ActivationData(id, rt), runtime);

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    /// <summary>Forgets every activation at once, running no grain code: a crash.</summary>
    public void AbandonAll()
    {
        foreach (var activation in _activations.Values)
        {
            activation.Abandon();
        }

        _activations.Clear();
    }
}
