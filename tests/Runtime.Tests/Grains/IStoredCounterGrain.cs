namespace Reservations.Runtime.Tests.Grains;

public interface IStoredCounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task<Guid> GetActivationIdAsync();

    Task DeactivateAsync();
}
