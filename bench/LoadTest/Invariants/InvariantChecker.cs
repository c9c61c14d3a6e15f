namespace Reservations.LoadTest.Invariants;

/// <summary>Checks I1–I4 against what the tool observed and the engine's own bookings. Pure: no I/O.</summary>
public static class InvariantChecker
{
    private const int MaxReportedPerInvariant = 20;

    /// <param name="holdDuration">The engine's hold duration; null learns it from the grants.</param>
    public static InvariantReport Check(
        IReadOnlyCollection<GrantedHold> holds,
        IReadOnlyCollection<ConfirmAttempt> confirms,
        IReadOnlyCollection<EngineBooking> engineBookings,
        TimeSpan? holdDuration)
    {
        var duration = holdDuration ?? LearnHoldDuration(holds);
        var violations = new List<Violation>();
        violations.AddRange(Cap(OverlappingHolds(holds, duration)));
        violations.AddRange(Cap(HoldsAfterBooking(holds, confirms, duration)));
        violations.AddRange(Cap(DoubleBookings(confirms, engineBookings)));
        violations.AddRange(Cap(MissingBookings(confirms, engineBookings)));
        violations.AddRange(Cap(InconsistentRepeats(confirms)));
        violations.AddRange(Cap(RefusedThoughBooked(confirms, engineBookings)));
        return new InvariantReport(holds.Count, confirms.Count, engineBookings.Count, duration, violations);
    }

    // Each grant tells hd >= expiresAt − receivedAt; the largest such bound is closest to the truth and never above it,
    // so the start it gives is never earlier than the real one: no false overlap.
    internal static TimeSpan LearnHoldDuration(IEnumerable<GrantedHold> holds) =>
        holds.Where(h => !h.OfGroup).Select(h => h.ExpiresAt - h.ReceivedAt).DefaultIfEmpty(TimeSpan.Zero).Max();

    private static IEnumerable<Violation> OverlappingHolds(IEnumerable<GrantedHold> holds, TimeSpan duration)
    {
        foreach (var seat in holds.GroupBy(h => h.SeatId, StringComparer.Ordinal))
        {
            GrantedHold? previous = null;
            foreach (var hold in seat.OrderBy(h => h.Start(duration)))
            {
                if (previous is not null && hold.Start(duration) < previous.End)
                {
                    yield return new Violation(
                        "I1 one live hold per seat",
                        $"seat {seat.Key}: hold granted at {hold.Start(duration):O} while the hold granted at " +
                        $"{previous.Start(duration):O} lived until {previous.End:O} ({(previous.End - hold.Start(duration)).TotalMilliseconds:F3} ms overlap)");
                }

                if (previous is null || hold.End > previous.End)
                {
                    previous = hold;
                }
            }
        }
    }

    private static IEnumerable<Violation> HoldsAfterBooking(
        IEnumerable<GrantedHold> holds, IEnumerable<ConfirmAttempt> confirms, TimeSpan duration)
    {
        var bookedAt = confirms
            .SelectMany(c => c.Replies.Where(r => r.Status == 201).Select(r => (c.SeatId, r.ReceivedAt)))
            .GroupBy(b => b.SeatId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(b => b.ReceivedAt), StringComparer.Ordinal);
        foreach (var hold in holds)
        {
            if (bookedAt.TryGetValue(hold.SeatId, out var booked) && hold.Start(duration) > booked)
            {
                yield return new Violation(
                    "I2 one booking per seat", $"seat {hold.SeatId}: hold granted at {hold.Start(duration):O}, after the seat was booked at {booked:O}");
            }
        }
    }

    private static IEnumerable<Violation> DoubleBookings(IEnumerable<ConfirmAttempt> confirms, IEnumerable<EngineBooking> engineBookings)
    {
        foreach (var seat in engineBookings.GroupBy(b => b.SeatId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new Violation(
                "I2 one booking per seat", $"seat {seat.Key}: the engine holds {seat.Count()} bookings ({string.Join(", ", seat.Select(b => b.BookingId))})");
        }

        var observed = confirms
            .SelectMany(c => c.Replies.Where(r => r.Status == 201 && r.BookingId is not null).Select(r => (c.SeatId, BookingId: r.BookingId!)))
            .Distinct()
            .GroupBy(b => b.SeatId, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var seat in observed)
        {
            yield return new Violation(
                "I2 one booking per seat", $"seat {seat.Key}: we were sent 201 for {seat.Count()} bookings ({string.Join(", ", seat.Select(b => b.BookingId))})");
        }
    }

    private static IEnumerable<Violation> MissingBookings(IEnumerable<ConfirmAttempt> confirms, IEnumerable<EngineBooking> engineBookings)
    {
        var known = engineBookings.Select(b => b.BookingId).ToHashSet(StringComparer.Ordinal);
        foreach (var confirm in confirms)
        {
            foreach (var reply in confirm.Replies.Where(r => r.Status is 200 or 201 && r.BookingId is not null && !known.Contains(r.BookingId)))
            {
                yield return new Violation(
                    "I4 a confirmed booking is durable",
                    $"seat {confirm.SeatId}: booking {reply.BookingId} was answered {reply.Status} but the engine does not list it");
            }
        }
    }

    private static IEnumerable<Violation> InconsistentRepeats(IEnumerable<ConfirmAttempt> confirms)
    {
        foreach (var confirm in confirms)
        {
            var bookingIds = confirm.Replies.Where(r => r.Status is 200 or 201).Select(r => r.BookingId).Distinct().ToList();
            if (bookingIds.Count > 1 || bookingIds.Contains(null))
            {
                yield return new Violation(
                    "I3 a token confirms once",
                    $"seat {confirm.SeatId}, payment {confirm.PaymentId}: repeated confirms answered with {string.Join(", ", bookingIds.Select(b => b ?? "(no bookingId)"))}");
            }

            var refused = confirm.Replies.Where(r => r.Status is 403 or 409 or 410).Select(r => r.Status).ToList();
            if (bookingIds.Count > 0 && refused.Count > 0)
            {
                yield return new Violation(
                    "I3 a token confirms once",
                    $"seat {confirm.SeatId}, payment {confirm.PaymentId}: the same confirm was answered with a booking and with {string.Join(", ", refused)}");
            }

            var created = confirm.Replies.Count(r => r.Status == 201);
            if (created > 1)
            {
                yield return new Violation(
                    "I3 a token confirms once", $"seat {confirm.SeatId}, payment {confirm.PaymentId}: {created} replies were 201 Created, at most one may be");
            }
        }
    }

    // A confirm cut off by a failover may have booked unseen; its retry must then get that booking, not a refusal.
    private static IEnumerable<Violation> RefusedThoughBooked(IEnumerable<ConfirmAttempt> confirms, IEnumerable<EngineBooking> engineBookings)
    {
        var bookedPayments = engineBookings.DistinctBy(b => (b.SeatId, b.PaymentId)).ToDictionary(b => (b.SeatId, b.PaymentId), b => b.BookingId);
        foreach (var confirm in confirms.Where(c => !c.Replies.Any(r => r.Status is 200 or 201)))
        {
            var refused = confirm.Replies.Where(r => r.Status is 403 or 409 or 410).Select(r => r.Status).ToList();
            if (refused.Count > 0 && bookedPayments.TryGetValue((confirm.SeatId, confirm.PaymentId), out var bookingId))
            {
                yield return new Violation(
                    "I3 a token confirms once",
                    $"seat {confirm.SeatId}, payment {confirm.PaymentId}: the engine lists booking {bookingId} but the confirm was answered {string.Join(", ", refused)}");
            }
        }
    }

    private static IEnumerable<Violation> Cap(IEnumerable<Violation> violations)
    {
        var list = violations.ToList();
        return list.Count <= MaxReportedPerInvariant
            ? list
            : list.Take(MaxReportedPerInvariant).Append(new Violation(list[0].Invariant, $"... and {list.Count - MaxReportedPerInvariant} more"));
    }
}
