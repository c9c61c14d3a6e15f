using Reservations.Runtime;

namespace Reservations.Micro;

public interface IPingGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);
}
