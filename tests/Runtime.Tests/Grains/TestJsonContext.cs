using System.Text.Json.Serialization;

namespace Reservations.Runtime.Tests.Grains;

[JsonSerializable(typeof(CounterState))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
