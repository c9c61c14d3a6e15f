using System.Net.Http.Headers;

namespace Reservations.LoadTest.Core;

/// <summary>A signed-up user of the load test's app and the bearer header its requests carry.</summary>
public sealed record UserSession(string UserId, AuthenticationHeaderValue Authorization);
