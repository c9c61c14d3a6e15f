using Reservations.LoadTest.Core;

namespace Reservations.LoadTest.Scenarios;

internal static class UserLoops
{
    /// <summary>Starts one loop per user on the thread pool and waits for all of them.</summary>
    public static Task RunAsync(IReadOnlyList<UserSession> users, Func<UserSession, int, Task> loop) =>
        Task.WhenAll(users.Select((user, index) => Task.Run(() => loop(user, index))));

    /// <summary>Backs off briefly when the engine does not answer, so a dead engine is not spun on.</summary>
    public static Task PauseIfNoAnswerAsync(int status, CancellationToken abort) =>
        status == 0 ? Task.Delay(TimeSpan.FromMilliseconds(10), abort) : Task.CompletedTask;

    public static string NewPaymentId() => $"pay-{Guid.NewGuid():N}";
}
