using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Reservations.Runtime.Storage;

/// <summary>Loads state before activation; implemented by every <see cref="PersistentState{TState}"/>.</summary>
internal interface IGrainState
{
    Task ReadStateAsync();
}

internal sealed class PersistentState<TState>(GrainId grainId, string stateName, IGrainStorage storage, JsonTypeInfo<TState> typeInfo)
    : IPersistentState<TState>, IGrainState
    where TState : class, new()
{
    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    public async Task ReadStateAsync()
    {
        var stored = await storage.ReadAsync(grainId, stateName);
        State = stored is null ? new TState() : JsonSerializer.Deserialize(stored.Json, typeInfo) ?? new TState();
        Etag = stored?.Etag;
    }

    public Task WriteStateAsync() => WriteAsync(null);

    public Task WriteStateAsync(UniqueRecord record) => WriteAsync(record);

    public async Task ClearStateAsync()
    {
        await storage.ClearAsync(grainId, stateName, Etag);
        State = new TState();
        Etag = null;
    }

    private async Task WriteAsync(UniqueRecord? record)
    {
        var json = JsonSerializer.Serialize(State, typeInfo);
        Etag = await storage.WriteAsync(grainId, stateName, json, Etag, record);
    }
}
