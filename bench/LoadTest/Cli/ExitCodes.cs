namespace Reservations.LoadTest.Cli;

internal static class ExitCodes
{
    public const int Passed = 0;
    public const int InvariantViolated = 1;
    public const int RunFailed = 2;
}
