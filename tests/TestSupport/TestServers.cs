namespace Reservations.TestSupport;

/// <summary>The servers scripts/test.sh starts are named in environment variables; tests never skip without them.</summary>
internal static class TestServers
{
    /// <summary>The variable's value; throws, saying how to run the tests, when it is unset.</summary>
    public static string Require(string variable, string server) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set, so there is no {server} server to test against. Run the tests with ./scripts/test.sh "
                + $"from the repository root: it starts a throwaway {server} server, sets {variable} and runs dotnet test "
                + "(extra arguments pass through, e.g. ./scripts/test.sh --filter Storage).");
}
