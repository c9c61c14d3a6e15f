namespace Reservations.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Read, yield, write: loses updates unless turns are exclusive.</summary>
    Task IncrementUnsafelyAsync();

    Task<int> GetAsync();

    Task WaitAtGateAsync();

    Task ThrowAsync(string message);

    Task NeverCompleteAsync();
}
