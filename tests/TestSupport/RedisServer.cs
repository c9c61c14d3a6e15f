namespace Reservations.TestSupport;

/// <summary>
/// The Redis server the tests run against: the one <c>scripts/test.sh</c> starts and names in
/// <see cref="Variable"/>. Tests never skip when it is missing; they fail and say how to run them.
/// </summary>
public static class RedisServer
{
    /// <summary>The environment variable holding the server's host:port.</summary>
    public const string Variable = "RESERVATIONS_TEST_REDIS";

    /// <summary>The server's host:port, a StackExchange.Redis configuration string.</summary>
    public static string Configuration => TestServers.Require(Variable, "Redis");
}
