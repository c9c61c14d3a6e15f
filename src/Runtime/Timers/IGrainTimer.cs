namespace Reservations.Runtime;

/// <summary>An in-memory grain timer. Disposing it stops it; deactivation stops it too.</summary>
public interface IGrainTimer : IDisposable;
