namespace Reservations.Micro;

/// <summary>Answers from memory, as a seat refusing a hold does: the cost measured is Orleans' own.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    Task<int> IPingGrain.PingAsync(int value) => Task.FromResult(value + ++_calls);
}
