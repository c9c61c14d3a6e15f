using Reservations.Grains.Seats;

namespace Reservations.Grains.Users;

/// <summary>
/// A user's live holds, in memory only: each seat with the end of its hold, dropped lazily once the
/// clock passes it. Nothing is stored, so a hold costs no write here; if the activation is lost the
/// count restarts from zero, which lets a user briefly hold up to twice the limit (docs/decisions.md).
/// </summary>
public sealed class UserHoldsGrain(TimeProvider time) : Grain, IUserHoldsGrain
{
    private readonly Dictionary<string, DateTimeOffset> _holds = new(StringComparer.Ordinal);
    private string _appId = "";
    private string _userId = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        (_appId, _userId) = (GrainKeys.AppOf(key), GrainKeys.IdOf(key));
        return Task.CompletedTask;
    }

    async Task<HoldResult> IUserHoldsGrain.TryHoldAsync(string seatId, int maxHolds)
    {
        DropEnded();
        if (_holds.Count >= maxHolds && !_holds.ContainsKey(seatId))
        {
            return HoldResult.TooManyHolds;
        }

        var seat = GrainFactory.GetGrain<ISeatGrain>(GrainKeys.Scoped(_appId, seatId));
        var result = await seat.TryHoldAsync(_userId);
        if (result is { Outcome: HoldOutcome.Granted, ExpiresAt: { } expiresAt })
        {
            _holds[seatId] = expiresAt;
            // Kept alive while it counts live holds, so an idle user's count is not lost early.
            DelayDeactivation(expiresAt - time.GetUtcNow());
        }

        return result;
    }

    Task IUserHoldsGrain.ForgetAsync(string seatId)
    {
        _holds.Remove(seatId);
        return Task.CompletedTask;
    }

    Task IUserHoldsGrain.ExtendAsync(string seatId, DateTimeOffset heldUntil)
    {
        if (_holds.ContainsKey(seatId))
        {
            _holds[seatId] = heldUntil;
            DelayDeactivation(heldUntil - time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    private void DropEnded()
    {
        var now = time.GetUtcNow();
        foreach (var (seatId, heldUntil) in _holds)
        {
            if (heldUntil <= now)
            {
                _holds.Remove(seatId);
            }
        }
    }
}
