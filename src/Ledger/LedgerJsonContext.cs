using System.Text.Json.Serialization;

namespace Reservations.Ledger;

[JsonSerializable(typeof(IReadOnlyCollection<string>))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
