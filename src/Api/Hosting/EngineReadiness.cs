namespace Reservations.Api.Hosting;

/// <summary>Set once the silo runs and the admin account exists; /health answers 200 from then on.</summary>
public sealed class EngineReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
