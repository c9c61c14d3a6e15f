namespace Reservations.Runtime.Tests.Grains;

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="other"/>, which calls this grain back: a cycle.</summary>
    Task CallThroughAsync(string other);

    Task CallBackAsync(string origin);

    Task PingAsync();
}
