using System.Collections.Immutable;

namespace Reservations.Grains.Users;

/// <summary>
/// A user's live holds, in memory only: each seat with the end of its hold. Ended holds are dropped
/// only when the count would pass the limit, so a hold costs no scan of the user's others and the
/// list never outgrows the limit. Nothing is stored, so a hold costs no write here; if the activation is lost the
/// count restarts from zero, which lets a user briefly hold up to twice the limit (docs/decisions.md).
/// </summary>
public sealed class UserHoldsGrain(TimeProvider time) : Grain, IUserHoldsGrain
{
    private readonly Dictionary<string, DateTimeOffset> _holds = new(StringComparer.Ordinal);
    Task<bool> IUserHoldsGrain.TryCountAsync(ImmutableArray<string> seatIds, DateTimeOffset heldUntil, int maxHolds)
    {
        if (_holds.Count + NewOf(seatIds) > maxHolds)
        {
            DropEnded();
            if (_holds.Count + NewOf(seatIds) > maxHolds)
            {
                return Task.FromResult(false);
            }
        }

        foreach (var seatId in seatIds)
        {
            _holds[seatId] = heldUntil;
        }

        // Kept alive while it counts live holds, so an idle user's count is not lost early.
        DelayDeactivation(heldUntil - time.GetUtcNow());
        return Task.FromResult(true);
    }

    Task IUserHoldsGrain.ForgetAsync(ImmutableArray<string> seatIds)
    {
        foreach (var seatId in seatIds)
        {
            _holds.Remove(seatId);
        }

        return Task.CompletedTask;
    }

    Task IUserHoldsGrain.ExtendAsync(ImmutableArray<string> seatIds, DateTimeOffset heldUntil)
    {
        foreach (var seatId in seatIds)
        {
            if (_holds.ContainsKey(seatId))
            {
                _holds[seatId] = heldUntil;
            }
        }

        DelayDeactivation(heldUntil - time.GetUtcNow());
        return Task.CompletedTask;
    }

    private int NewOf(ImmutableArray<string> seatIds)
    {
        var count = 0;
        foreach (var seatId in seatIds)
        {
            count += _holds.ContainsKey(seatId) ? 0 : 1;
        }

        return count;
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
