using Reservations.LoadTest.Core;

namespace Reservations.LoadTest.Scenarios;

internal static class UserLoops
{
    /// <summary>Starts one loop per user on the thread pool and waits for all of them.</summary>
    public static Task RunAsync(IReadOnlyList<UserSession> users, Func<UserSession, int, Task> loop) =>
        Task.WhenAll(users.Select((user, index) => Task.Run(() => loop(user, index))));

    /// <summary>Backs off briefly when the engine does not answer or is busy (503), so a failing-over cluster is not spun on.</summary>
    public static Task PauseIfNotServedAsync(int status, CancellationToken abort) =>
        status is 0 or 503 ? Task.Delay(TimeSpan.FromMilliseconds(10), abort) : Task.CompletedTask;

    public static string NewPaymentId() => $"pay-{Guid.NewGuid():N}";
}
