using System.Text.Json.Serialization.Metadata;

namespace Reservations.Client;

/// <summary>The source-generated metadata of a body type, looked up once per type.</summary>
internal static class TypeInfos<T>
{
    public static readonly JsonTypeInfo<T> Value = (JsonTypeInfo<T>)(ReservationsJsonContext.Default.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T)} is not in ReservationsJsonContext; run clients/generate.sh."));
}
