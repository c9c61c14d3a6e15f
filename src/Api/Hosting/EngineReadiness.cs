namespace Reservations.Api.Hosting;

/// <summary>Set once the silo runs and the admin account exists; until then GET /health/ready answers 503 <c>starting</c>.</summary>
public sealed class EngineReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
