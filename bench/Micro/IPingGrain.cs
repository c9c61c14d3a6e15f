namespace Reservations.Micro;

[Alias("micro.ping")]
public interface IPingGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);
}
