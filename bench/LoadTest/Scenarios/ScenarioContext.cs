using Reservations.LoadTest.Core;
using Reservations.LoadTest.Invariants;

namespace Reservations.LoadTest.Scenarios;

/// <summary>What every scenario works with: the app it set up, its users, and the log the checks read.</summary>
public sealed record ScenarioContext(
    TenantClient Client, AdminClient Admin, string AppId, LoadTestOptions Options, IReadOnlyList<UserSession> Users, ObservationLog Log)
{
    public ConfirmRetrier Confirms { get; } = new(Client, Options.ConfirmRetries, Options.RetryAfterCap);
}
